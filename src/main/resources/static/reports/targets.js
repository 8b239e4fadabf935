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
  // The breakdown (GET/PUT /api/region-targets): one row per region, its inputs named targets[i].<field> as the
  // server names its errors, so each refusal lands next to its own cell.
  let breakdownRows = [];
  const COUNT = /^\d{1,7}$/;
  function cell(row, i, field, editable) {
    const td = O.el('td', null, 'num');
    const value = row[field];
    if (editable) {
      const input = O.el('input');
      input.id = 'targets[' + i + '].' + field;
      input.name = field;
      input.size = field === 'perCapitaNetYuan' ? 9 : 6;
      input.inputMode = field === 'perCapitaNetYuan' ? 'decimal' : 'numeric';
      input.setAttribute('aria-label', row.name + ' ' + field);
      input.value = value === undefined || value === null ? '' : String(value);
      input.addEventListener('input', sums);
      td.appendChild(input);
      td.appendChild(O.el('span', null, 'field-error error')).id = 'error-targets[' + i + '].' + field;
    } else {
      td.textContent = value === undefined || value === null ? '—' : String(value);
    }
    return td;
  }
  function renderBreakdown(breakdown) {
    breakdownRows = breakdown.regions;
    const edit = breakdown.canEdit;
    $('breakdown-rows').replaceChildren(...breakdownRows.map((row, i) => {
      const tr = O.el('tr');
      tr.dataset.code = row.code;
      const name = O.el('td', row.name + ' (' + row.code + ')');
      name.style.paddingLeft = row.code.endsWith('000000') ? '0' : row.code.endsWith('000') ? '1.5em' : '3em';
      tr.appendChild(name);
      tr.appendChild(O.el('td', row.plannedHouseholds, 'num'));
      tr.appendChild(cell(row, i, 'exitHouseholds', edit));
      tr.appendChild(cell(row, i, 'exitPeople', edit));
      const parts = O.el('td', '', 'num parts');
      parts.id = 'parts-' + row.code;
      tr.appendChild(parts);
      tr.appendChild(row.code.endsWith('000000') ? O.el('td', '见上 / above', 'meta')
        : cell(row, i, 'perCapitaNetYuan', edit));
      return tr;
    }));
    $('breakdown-source-line').hidden = !edit;
    $('breakdownSource').value = breakdown.source || '';
    $('breakdown-changed').textContent = breakdown.updatedAt ? '最后修改 / Last changed: ' + breakdown.updatedBy
      + ' · ' + new Date(breakdown.updatedAt).toLocaleString('zh-CN') : '尚未分解 / Not broken down yet';
    $('tasks-link').href = 'report.html?name=reduction-tasks&region=' + breakdown.countyCode + '&year=' + breakdown.year;
    $('breakdown').hidden = false;
    sums();
  }
  function valueOf(i, field) {
    const input = $('targets[' + i + '].' + field);
    const row = breakdownRows[i];
    return input ? input.value.trim() : (row[field] === undefined || row[field] === null ? '' : String(row[field]));
  }
  // What the children add up to, beside each county and township row
  function sums() {
    breakdownRows.forEach((parent) => {
      if (parent.code.endsWith('000') === false) { return; }
      let households = 0;
      let people = 0;
      breakdownRows.forEach((child, i) => {
        if (child.parentCode === parent.code) {
          households += Number(valueOf(i, 'exitHouseholds')) || 0;
          people += Number(valueOf(i, 'exitPeople')) || 0;
        }
      });
      const place = $('parts-' + parent.code);
      if (place) { place.textContent = households + ' / ' + people; }
    });
  }
  async function loadBreakdown() {
    const query = new URLSearchParams({county: $('county').value, year: $('year').value});
    renderBreakdown(await O.call('GET', '/api/region-targets?' + query));
  }
  async function saveBreakdown() {
    O.clearProblems();
    $('breakdown-saved').textContent = '';
    const lines = [];
    let bad = false;
    breakdownRows.forEach((row, i) => {
      const line = {code: row.code};
      ['exitHouseholds', 'exitPeople'].forEach((field) => {
        const text = valueOf(i, field);
        if (text === '') { return; }
        if (!COUNT.test(text)) {
          $('error-targets[' + i + '].' + field).textContent = '请输入整数 / Enter a whole number';
          bad = true;
        }
        line[field] = Number(text);
      });
      const amount = row.code.endsWith('000000') ? '' : valueOf(i, 'perCapitaNetYuan');
      if (amount !== '') {
        if (!NUMBER.test(amount)) {
          $('error-targets[' + i + '].perCapitaNetYuan').textContent = '请输入金额 / Enter an amount';
          bad = true;
        }
        line.perCapitaNetYuan = '@' + i + '@'; // placed as typed below, so the server sees every decimal
      }
      lines.push(line);
    });
    if (bad) { return; }
    let body = JSON.stringify({source: $('breakdownSource').value, targets: lines});
    lines.forEach((line, i) => {
      if (line.perCapitaNetYuan) { body = body.replace('"@' + i + '@"', valueOf(i, 'perCapitaNetYuan')); }
    });
    try {
      renderBreakdown(await O.call('PUT', '/api/region-targets/' + $('county').value + '/' + $('year').value, body));
      $('breakdown-saved').textContent = '已保存 / Saved';
    } catch (e) {
      O.showProblem(e.body && e.body.errors && e.body.errors.source
        ? Object.assign({}, e.body, {errors: Object.fromEntries(Object.entries(e.body.errors)
          .map(([k, v]) => [k === 'source' ? 'source-breakdown' : k, v]))}) : e.body, e.status);
    }
  }
  async function load() {
    O.clearProblems();
    document.body.dataset.loaded = 'false';
    try {
      const query = new URLSearchParams({county: $('county').value, year: $('year').value});
      render(await O.call('GET', '/api/income-targets?' + query));
      await loadBreakdown();
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
  $('breakdown-form').addEventListener('submit', (event) => {
    event.preventDefault();
    saveBreakdown();
  });
  $('edit').addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
  O.counties($('county'), $('year'), params.get('county'), params.get('year'))
    .then(load)
    .catch((e) => O.showProblem(e.body, e.status));
}());
