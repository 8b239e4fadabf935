// What-if on the rules (POST /api/what-if, or /api/what-if/dmn with a file): today's rule beside a changed one over the
// region's registry; nothing is written. Every value is set as text; each field's rule shows next to it.
(function () {
  'use strict';
  const O = window.Office;
  const $ = O.$;
  const el = O.el;
  const NUMBER = /^\d{1,20}(\.\d{1,20})?$/;
  const CLASSES = {
    NEWLY_ELIGIBLE: '新纳入 / Newly eligible', NO_LONGER_ELIGIBLE: '不再符合 / No longer eligible',
    SUPPORT_CHANGED: '帮扶方式变化 / Kind of support changes', WOULD_EXIT: '将脱贫 / Would exit',
    WOULD_NOT_EXIT: '不再脱贫 / Would not exit', OUTCOME_CHANGED: '其他变化 / Other change',
    NEWLY_MONITORED: '新纳入监测 / Newly monitored', NO_LONGER_MONITORED: '不再监测 / No longer monitored',
    CATEGORY_CHANGED: '监测类别变化 / Monitoring category changes'
  };
  let shown = null;
  let filter = null;

  function showRule() {
    const rule = $('rule').value;
    $('negatives').hidden = rule !== 'IDENTIFICATION';
    $('exitYearsLabel').hidden = rule !== 'EXIT';
    $('povertyLineLabel').hidden = rule === 'MONITORING';
    $('monitoringLineLabel').hidden = rule !== 'MONITORING';
  }
  function amount(field, parts) {
    const value = $(field).value.trim();
    if (value) {
      if (!NUMBER.test(value)) { throw {field: field, text: '请输入金额，如 8000 / Enter an amount, e.g. 8000'}; }
      parts.push(JSON.stringify(field) + ': ' + value);
    }
  }
  // the body as typed: numbers go as the official wrote them, so the server sees every decimal (nothing rounded here)
  function body() {
    const parts = ['"rule": ' + JSON.stringify($('rule').value), '"region": ' + JSON.stringify($('region').value),
      '"year": ' + Number($('year').value)];
    if ($('rule').value === 'MONITORING') {
      amount('monitoringLineYuan', parts);
      return '{' + parts.join(', ') + '}';
    }
    amount('povertyLineYuan', parts);
    if ($('rule').value === 'EXIT') {
      const years = $('exitYears').value.trim();
      if (years) {
        if (!/^\d{1,2}$/.test(years)) { throw {field: 'exitYears', text: '请输入年数 1-5 / Enter 1 to 5 years'}; }
        parts.push('"exitYears": ' + years);
      }
    } else {
      const off = Array.from(document.querySelectorAll('input[name=negativeListOff]:checked')).map((c) => c.value);
      if (off.length) { parts.push('"negativeListOff": ' + JSON.stringify(off)); }
    }
    return '{' + parts.join(', ') + '}';
  }
  async function request(format) {
    const token = await O.call('GET', '/api/session-token');
    const headers = {'X-XSRF-TOKEN': token.token, Accept: format ? '*/*' : 'application/json'};
    const query = format ? '?format=' + format : '';
    const file = $('file').files[0];
    let response;
    if (file) {
      const form = new FormData();
      form.append('file', file);
      form.append('rule', $('rule').value);
      form.append('region', $('region').value);
      form.append('year', $('year').value);
      response = await fetch('/api/what-if/dmn' + query, {method: 'POST', headers: headers, body: form,
        credentials: 'same-origin'});
    } else {
      headers['Content-Type'] = 'application/json';
      response = await fetch('/api/what-if' + query, {method: 'POST', headers: headers, body: body(),
        credentials: 'same-origin'});
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => null);
      throw Object.assign(new Error('problem'), {status: response.status, body: problem});
    }
    return response;
  }
  function cell(row, text, cls) { row.appendChild(el('td', text, cls)); }
  function count(n) { return Number(n).toLocaleString('zh-CN'); }
  function render(result) {
    shown = result;
    filter = null;
    $('title').textContent = result.ruleLabel + ' · ' + result.regionName + ' · ' + result.year;
    $('today').textContent = result.today;
    $('changed').textContent = result.changed;
    $('evaluated').textContent = count(result.evaluated);
    $('outcomes').tBodies[0].replaceChildren(...result.outcomes.map((o) => {
      const row = el('tr');
      cell(row, o.label);
      cell(row, count(o.today), 'num');
      cell(row, count(o.changed), 'num');
      const diff = o.changed - o.today;
      cell(row, (diff > 0 ? '+' : '') + count(diff), 'num');
      return row;
    }));
    $('classes').replaceChildren(...Object.entries(result.classes).map(([key, n]) => {
      const a = el('a', null, 'tile' + (n > 0 ? ' alert' : ''));
      a.href = '#households';
      a.id = 'class-' + key;
      a.appendChild(el('span', count(n), 'value'));
      a.appendChild(el('span', CLASSES[key] || key, 'label'));
      a.addEventListener('click', () => { filter = key; list(); });
      return a;
    }));
    const keys = Object.keys(result.classes);
    const head = el('tr');
    ['村 / Village', '测算户数 / Evaluated'].concat(keys.map((k) => CLASSES[k] || k)).forEach((h) => head.appendChild(el('th', h)));
    $('villages').tHead.replaceChildren(head);
    $('villages').tBodies[0].replaceChildren(...result.villages.map((v) => {
      const row = el('tr');
      cell(row, v.name + ' (' + v.code + ')');
      cell(row, count(v.evaluated), 'num');
      keys.forEach((k) => cell(row, count(v.classes[k] || 0), 'num'));
      return row;
    }));
    list();
    $('result').hidden = false;
  }
  function list() {
    const labels = {};
    shown.outcomes.forEach((o) => { labels[o.outcome] = o.label; });
    const rows = shown.households.filter((h) => !filter || h.changeClass === filter);
    $('list-note').textContent = (filter ? '只显示 / Only: ' + (CLASSES[filter] || filter) + ' · ' : '')
      + count(rows.length) + ' 户 / households' + (shown.listComplete ? '' : ' · 列表不全，完整名单见Excel / the list is cut, Excel has every household');
    $('households').tBodies[0].replaceChildren(...rows.map((h) => {
      const row = el('tr');
      cell(row, CLASSES[h.changeClass] || h.changeClass);
      cell(row, h.applicationNo);
      cell(row, h.villageCode);
      cell(row, h.head || '');
      cell(row, h.idNumber);
      cell(row, Number(h.perCapitaYuan).toLocaleString('zh-CN', {minimumFractionDigits: 2, maximumFractionDigits: 2}), 'num');
      cell(row, labels[h.today] || h.today);
      cell(row, labels[h.changed] || h.changed);
      cell(row, h.changedReason);
      return row;
    }));
  }
  async function run() {
    O.clearProblems();
    document.body.dataset.loaded = 'false';
    try {
      const response = await request(null);
      render(await response.json());
      document.body.dataset.loaded = 'true';
    } catch (e) {
      if (e.field) { $('error-' + e.field).textContent = e.text; return; }
      O.showProblem(e.body, e.status);
    }
  }
  async function excel() {
    O.clearProblems();
    try {
      const response = await request('xlsx');
      const url = URL.createObjectURL(await response.blob());
      const a = el('a');
      a.href = url;
      a.download = '政策模拟-' + $('rule').value + '-' + $('region').value + '-' + $('year').value + '.xlsx';
      document.body.appendChild(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
    } catch (e) {
      if (e.field) { $('error-' + e.field).textContent = e.text; return; }
      O.showProblem(e.body, e.status);
    }
  }
  async function regions() {
    const index = await O.call('GET', '/api/reports');
    const params = new URLSearchParams(location.search);
    $('region').replaceChildren(...index.regions.map((r) => {
      const option = el('option', r.name + ' (' + r.code + ')');
      option.value = r.code;
      option.selected = r.code === params.get('region');
      return option;
    }));
    $('year').replaceChildren();
    for (let y = index.thisYear + 1; y >= index.thisYear - 4; y--) {
      const option = el('option', String(y));
      option.value = String(y);
      option.selected = String(y) === (params.get('year') || String(index.thisYear));
      $('year').appendChild(option);
    }
  }
  $('rule').addEventListener('change', showRule);
  $('picker').addEventListener('submit', (event) => { event.preventDefault(); run(); });
  $('excel').addEventListener('click', excel);
  showRule();
  regions().then(() => { document.body.dataset.ready = 'true'; })
    .catch((e) => O.showProblem(e.body, e.status));
}());
