// The county's per-capita net income target of a year (GET /api/income-targets); the county office sets it
// (PUT /api/income-targets/{county}/{year}) — the server says who may (canEdit). Every value is set as text.
(function () {
  'use strict';
  const O = window.Office;
  const $ = O.$;
  const params = new URLSearchParams(location.search);
  const NUMBER = /^-?\d{1,20}(\.\d{1,20})?$/;

  function render(target) {
    $('title').textContent = $('county').selectedOptions[0].textContent + ' · ' + target.year;
    const set = target.perCapitaNetYuan !== undefined && target.perCapitaNetYuan !== null;
    $('amount').textContent = set ? Number(target.perCapitaNetYuan).toLocaleString('zh-CN',
      {minimumFractionDigits: 2, maximumFractionDigits: 2}) : '未设定，以当年贫困线为目标 / Not set: the poverty line is the target';
    $('source').textContent = target.source || '—';
    $('changed').textContent = target.updatedAt ? target.updatedBy + ' · ' + new Date(target.updatedAt).toLocaleString('zh-CN') : '—';
    $('report-link').href = 'report.html?name=income-targets&region=' + target.countyCode + '&year=' + target.year;
    $('edit').hidden = !target.canEdit;
    if (target.canEdit) {
      $('perCapitaNetYuan').value = set ? Number(target.perCapitaNetYuan).toFixed(2) : '';
      $('sourceInput').value = target.source || '';
    }
    $('target').hidden = false;
  }
  async function load() {
    O.clearProblems();
    document.body.dataset.loaded = 'false';
    try {
      const query = new URLSearchParams({county: $('county').value, year: $('year').value});
      render(await O.call('GET', '/api/income-targets?' + query));
      document.body.dataset.loaded = 'true';
    } catch (e) {
      O.showProblem(e.body, e.status);
    }
  }
  async function save() {
    O.clearProblems();
    $('saved').textContent = '';
    const amount = $('perCapitaNetYuan').value.trim();
    if (!NUMBER.test(amount)) {
      $('error-perCapitaNetYuan').textContent = '请输入金额，如 6800.00 / Enter an amount, e.g. 6800.00';
      return;
    }
    // the amount goes as typed, so the server sees every decimal (nothing is rounded here)
    const body = '{"perCapitaNetYuan": ' + amount + ', "source": ' + JSON.stringify($('sourceInput').value) + '}';
    try {
      render(await O.call('PUT', '/api/income-targets/' + $('county').value + '/' + $('year').value, body));
      $('saved').textContent = '已保存 / Saved';
    } catch (e) {
      O.showProblem(e.body, e.status);
    }
  }
  $('picker').addEventListener('submit', (event) => {
    event.preventDefault();
    history.replaceState(null, '', '?' + new URLSearchParams({county: $('county').value, year: $('year').value}));
    load();
  });
  $('edit').addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
  O.counties($('county'), $('year'), params.get('county'), params.get('year'))
    .then(load)
    .catch((e) => O.showProblem(e.body, e.status));
}());
