// A household's responsible cadre (GET /api/households/{no}/pairing): the current cadre, the pairing history and the
// visits; the county office reassigns it with a reason (POST, the server says who may: canReassign). Reached from the
// cadres' screen or by application number. Every value is set as text.
(function () {
  'use strict';
  const O = window.Office;
  const $ = O.$;
  const params = new URLSearchParams(location.search);
  const APPLICATION = /^[A-Za-z0-9-]{1,40}$/;
  const when = (instant) => (instant ? new Date(instant).toLocaleString('zh-CN') : '—');

  function rows(table, items, cells, empty) {
    const body = $(table).tBodies[0];
    body.replaceChildren(...items.map((item) => {
      const tr = O.el('tr');
      cells(item).forEach((cell) => tr.appendChild(cell));
      return tr;
    }));
    if (!items.length) {
      const tr = O.el('tr');
      const td = O.el('td', empty);
      td.colSpan = $(table).tHead.rows[0].cells.length;
      tr.appendChild(td);
      body.appendChild(tr);
    }
  }
  async function render(p) {
    $('title').textContent = p.applicationNo + ' · ' + p.villageName;
    const c = p.cadre;
    $('cadre-name').textContent = c ? c.name + (c.nameLatin ? ' / ' + c.nameLatin : '') : '暂无 / None';
    $('cadre-rank').textContent = c ? c.rankLabel : '—';
    $('cadre-unit').textContent = c ? c.unit.name : '—';
    $('cadre-load').textContent = c ? c.paired + ' / ' + c.quotaLeft : '—';
    rows('history', p.history, (h) => [O.el('td', h.cadreName), O.el('td', h.unitName),
      O.el('td', when(h.startedAt) + ' · ' + h.startedBy), O.el('td', h.startReason || ''),
      O.el('td', h.endedAt ? when(h.endedAt) + ' · ' + h.endedBy : '至今 / Current'), O.el('td', h.endReason || '')],
    '暂无 / None');
    rows('visits', p.visits, (v) => [O.el('td', v.date), O.el('td', v.measureLabel), O.el('td', v.description),
      O.el('td', v.amount === null || v.amount === undefined ? '' : Number(v.amount).toLocaleString('zh-CN',
        {minimumFractionDigits: 2, maximumFractionDigits: 2}), 'num'), O.el('td', v.recordedBy)], '暂无 / None');
    $('reassign').hidden = !p.canReassign;
    if (p.canReassign) {
      const county = p.villageCode.substring(0, 6) + '000000';
      const cadres = await O.call('GET', '/api/cadres?' + new URLSearchParams({region: county, size: '200'}));
      const choices = cadres.filter((o) => o.active && (!c || o.id !== c.id));
      $('cadreId').replaceChildren(Object.assign(O.el('option', '请选择 / Choose'), {value: ''}),
        ...choices.map((o) => Object.assign(O.el('option', o.name + '（' + o.rankLabel + '，' + o.unit.name + '，剩余 '
          + o.quotaLeft + ' 户 / ' + o.quotaLeft + ' left）'), {value: String(o.id), disabled: o.quotaLeft < 1})));
      const wanted = params.get('cadreId');
      if (wanted && choices.some((o) => String(o.id) === wanted)) { $('cadreId').value = wanted; }
    }
    $('pairing-view').hidden = false;
  }
  async function load() {
    O.clearProblems();
    $('saved').textContent = '';
    document.body.dataset.loaded = 'false';
    const no = $('applicationNo').value.trim();
    if (!APPLICATION.test(no)) {
      $('pairing-view').hidden = true;
      $('error-applicationNo').textContent = '申请编号形如 SQ-2026-654224101201-000001 / An application number looks like '
        + 'SQ-2026-654224101201-000001';
      return;
    }
    try {
      await render(await O.call('GET', '/api/households/' + encodeURIComponent(no) + '/pairing'));
      document.body.dataset.loaded = 'true';
    } catch (e) {
      $('pairing-view').hidden = true;
      O.showProblem(e.body, e.status);
    }
  }
  async function reassign() {
    O.clearProblems();
    $('saved').textContent = '';
    const cadre = $('cadreId').value;
    if (!cadre) {
      $('error-cadreId').textContent = '请选择新帮扶责任人 / Choose the new cadre';
      return;
    }
    try {
      const answer = await O.call('POST', '/api/households/' + encodeURIComponent($('applicationNo').value.trim())
        + '/pairing', JSON.stringify({cadreId: Number(cadre), reason: $('reason').value}));
      $('reason').value = '';
      await render(answer);
      $('saved').textContent = '已调整 / Reassigned';
    } catch (e) {
      O.showProblem(e.body, e.status);
    }
  }
  $('lookup').addEventListener('submit', (event) => {
    event.preventDefault();
    history.replaceState(null, '', '?' + new URLSearchParams({applicationNo: $('applicationNo').value.trim()}));
    load();
  });
  $('reassign').addEventListener('submit', (event) => {
    event.preventDefault();
    reassign();
  });
  if (params.get('applicationNo')) {
    $('applicationNo').value = params.get('applicationNo');
    load();
  } else {
    document.body.dataset.loaded = 'true';
  }
}());
