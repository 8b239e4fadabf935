// The county's funds of a year per source (GET /api/funds): available, committed by approved projects, remaining.
// Every value is set as text.
(function () {
  'use strict';
  const O = window.Office;
  const $ = O.$;
  const params = new URLSearchParams(location.search);
  const yuan = (value) => Number(value).toLocaleString('zh-CN', {minimumFractionDigits: 2, maximumFractionDigits: 2});

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
      return tr;
    }));
    const sum = O.el('tr', null, 'level-COUNTY');
    sum.appendChild(O.el('td', '合计 / Total'));
    ['available', 'committed', 'remaining'].forEach((key) => sum.appendChild(O.el('td', yuan(total[key]), 'num')));
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
