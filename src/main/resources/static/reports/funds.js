// The county's funds of a year per source (GET /api/funds): available, committed by approved projects, remaining.
// The county finance bureau and poverty-alleviation office set what is available (PUT /api/funds/{county}/{year}/
// {source}; the server says who may: canEdit). Every value is set as text.
(function () {
  'use strict';
  const O = window.Office;
  const $ = O.$;
  const params = new URLSearchParams(location.search);
  const yuan = (value) => Number(value).toLocaleString('zh-CN', {minimumFractionDigits: 2, maximumFractionDigits: 2});

  const NUMBER = /^-?\d{1,20}(\.\d{1,20})?$/;

  // A row's own form: amount and save; its rule is shown next to it (error-available-<source>).
  function editCell(row) {
    const cell = O.el('td');
    const form = O.el('form', null, 'inline');
    form.noValidate = true;
    const input = O.el('input');
    input.id = 'available-' + row.fundSource;
    input.inputMode = 'decimal';
    input.autocomplete = 'off';
    input.value = Number(row.available).toFixed(2);
    input.setAttribute('aria-label', row.label);
    const button = O.el('button', '保存 / Save');
    button.type = 'submit';
    button.id = 'save-' + row.fundSource;
    const error = O.el('span', null, 'field-error error');
    error.id = 'error-available-' + row.fundSource;
    form.append(input, button, error);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      save(row.fundSource, input.value.trim());
    });
    cell.appendChild(form);
    return cell;
  }
  async function save(source, amount) {
    O.clearProblems();
    $('saved').textContent = '';
    if (!NUMBER.test(amount)) {
      $('error-available-' + source).textContent = '请输入金额，如 500000.00 / Enter an amount, e.g. 500000.00';
      return;
    }
    try {
      // the amount goes as typed, so the server sees every decimal (nothing is rounded here)
      render(await O.call('PUT', '/api/funds/' + $('county').value + '/' + $('year').value + '/'
        + encodeURIComponent(source), '{"available": ' + amount + '}'));
      $('saved').textContent = '已保存 / Saved';
    } catch (e) {
      O.showProblem(e.body, e.status, '-' + source);
    }
  }
  function render(rows) {
    $('title').textContent = $('county').selectedOptions[0].textContent + ' · ' + $('year').value;
    const total = {available: 0, committed: 0, remaining: 0};
    const body = $('funds').tBodies[0];
    body.replaceChildren(...rows.map((row) => {
      const tr = O.el('tr');
      tr.dataset.source = row.fundSource;
      tr.appendChild(O.el('td', row.label));
      ['available', 'committed', 'remaining'].forEach((key) => {
        total[key] += Number(row[key]);
        tr.appendChild(O.el('td', yuan(row[key]), 'num' + (key === 'remaining' && Number(row[key]) <= 0 ? ' error' : '')));
      });
      if (row.canEdit) { tr.appendChild(editCell(row)); }
      return tr;
    }));
    const sum = O.el('tr', null, 'level-COUNTY');
    sum.appendChild(O.el('td', '合计 / Total'));
    ['available', 'committed', 'remaining'].forEach((key) => sum.appendChild(O.el('td', yuan(total[key]), 'num')));
    const canEdit = rows.length > 0 && rows[0].canEdit;
    if (canEdit) { sum.appendChild(O.el('td')); }
    document.querySelectorAll('.edit-only').forEach((e) => { e.hidden = !canEdit; });
    body.appendChild(sum);
    $('funds-view').hidden = false;
  }
  async function load() {
    O.clearProblems();
    document.body.dataset.loaded = 'false';
    try {
      const query = new URLSearchParams({county: $('county').value, year: $('year').value});
      render(await O.call('GET', '/api/funds?' + query));
      document.body.dataset.loaded = 'true';
    } catch (e) {
      $('funds-view').hidden = true;
      O.showProblem(e.body, e.status);
    }
  }
  $('picker').addEventListener('submit', (event) => {
    event.preventDefault();
    history.replaceState(null, '', '?' + new URLSearchParams({county: $('county').value, year: $('year').value}));
    load();
  });
  O.counties($('county'), $('year'), params.get('county'), params.get('year'))
    .then(load)
    .catch((e) => O.showProblem(e.body, e.status));
}());
