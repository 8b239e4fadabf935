// Households per cadre rank in a prefecture (GET /api/cadre-quotas): the prefecture's own row or the default 0000. The
// city poverty-alleviation office sets its prefecture's (PUT /api/cadre-quotas/{prefecture}/{rank}; the server says
// who may: GET /api/cadre-access setQuotas). Every value is set as text.
(function () {
  'use strict';
  const O = window.Office;
  const $ = O.$;
  const params = new URLSearchParams(location.search);
  const RANKS = [['PREFECTURE', '地厅级 / Prefecture level'], ['COUNTY', '县处级 / County level'],
    ['TOWNSHIP', '乡科级 / Township level'], ['STAFF', '一般干部 / Staff']];
  const WHOLE = /^\d{1,2}$/;

  function editCell(rank, own) {
    const cell = O.el('td');
    const form = O.el('form', null, 'inline');
    form.noValidate = true;
    const households = O.el('input');
    households.id = 'households-' + rank;
    households.inputMode = 'numeric';
    households.value = own ? String(own.households) : '';
    households.setAttribute('aria-label', '户数 / Households');
    const source = O.el('input');
    source.id = 'source-' + rank;
    source.maxLength = 256;
    source.value = own && own.source ? own.source : '';
    source.placeholder = '文件 / Document';
    source.setAttribute('aria-label', '依据 / Source');
    const button = O.el('button', '保存 / Save');
    button.type = 'submit';
    button.id = 'save-' + rank;
    const errorHouseholds = O.el('span', null, 'field-error error');
    errorHouseholds.id = 'error-households-' + rank;
    const errorSource = O.el('span', null, 'field-error error');
    errorSource.id = 'error-source-' + rank;
    form.append(households, source, button, errorHouseholds, errorSource);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      save(rank, households.value.trim(), source.value);
    });
    cell.appendChild(form);
    return cell;
  }
  async function save(rank, households, source) {
    O.clearProblems();
    $('saved').textContent = '';
    if (!WHOLE.test(households)) {
      $('error-households-' + rank).textContent = '请输入户数 0-50 / Enter a number of households, 0-50';
      return;
    }
    try {
      await O.call('PUT', '/api/cadre-quotas/' + $('prefecture').value + '/' + rank,
        JSON.stringify({households: Number(households), source: source}));
      await load();
      $('saved').textContent = '已保存 / Saved';
    } catch (e) {
      O.showProblem(e.body, e.status, '-' + rank);
    }
  }
  function render(rows, canEdit) {
    const prefecture = $('prefecture').value;
    $('title').textContent = $('prefecture').selectedOptions[0].textContent;
    $('quotas').tBodies[0].replaceChildren(...RANKS.map(([rank, label]) => {
      const own = rows.find((r) => r.prefecture === prefecture && r.rank === rank);
      const fallback = rows.find((r) => r.prefecture === '0000' && r.rank === rank);
      const shown = own || fallback;
      const tr = O.el('tr');
      tr.dataset.rank = rank;
      tr.append(O.el('td', label), O.el('td', shown ? shown.households : 0, 'num'),
        O.el('td', shown && shown.source ? shown.source : '—'),
        O.el('td', own ? '本地区 / This prefecture' : '默认 / Default (0000)'));
      if (canEdit) { tr.appendChild(editCell(rank, own)); }
      return tr;
    }));
    document.querySelectorAll('.edit-only').forEach((e) => { e.hidden = !canEdit; });
    $('quotas-view').hidden = false;
  }
  async function load() {
    O.clearProblems();
    document.body.dataset.loaded = 'false';
    try {
      const prefecture = $('prefecture').value;
      const access = await O.call('GET', '/api/cadre-access?' + new URLSearchParams({prefecture: prefecture}));
      render(await O.call('GET', '/api/cadre-quotas?' + new URLSearchParams({prefecture: prefecture})),
        access.setQuotas);
      document.body.dataset.loaded = 'true';
    } catch (e) {
      $('quotas-view').hidden = true;
      O.showProblem(e.body, e.status);
    }
  }
  // the prefectures the caller works in: those of his regions (a county official: the one his county lies in)
  async function prefectures() {
    const index = await O.call('GET', '/api/reports');
    const codes = [];
    index.regions.forEach((r) => {
      const code = r.code.substring(0, 4);
      if (r.level !== 'PROVINCE' && !codes.includes(code)) { codes.push(code); }
    });
    const names = await Promise.all(codes.map((code) => O.call('GET', '/api/regions/' + code + '00000000')
      .then((r) => r.nameZh + ' / ' + r.nameEn).catch(() => code)));
    $('prefecture').replaceChildren(...codes.map((code, i) => Object.assign(O.el('option', names[i] + ' (' + code + ')'),
      {value: code, selected: code === params.get('prefecture')})));
  }
  $('picker').addEventListener('submit', (event) => {
    event.preventDefault();
    history.replaceState(null, '', '?' + new URLSearchParams({prefecture: $('prefecture').value}));
    load();
  });
  prefectures().then(load).catch((e) => O.showProblem(e.body, e.status));
}());
