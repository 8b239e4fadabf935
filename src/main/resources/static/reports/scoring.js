// The year-end scoring of a county's cadres and units (GET /api/assessment/scoring?region=&year=): each rating with the
// figures behind it, the rating by points and the cap applied. The county office runs it (POST …?county=&year=, again
// with replace=true); who may comes from the server (GET /api/workbench/screens) and the POST is checked there again.
// Excel: GET /api/assessment/scoring.xlsx. Every value is set as text.
(function () {
  'use strict';
  const O = window.Office;
  const $ = O.$;
  const el = O.el;
  const params = new URLSearchParams(location.search);
  const count = (n) => Number(n).toLocaleString('zh-CN');
  const percent = (share) => (share === null || share === undefined ? '—'
    : (Number(share) * 100).toLocaleString('zh-CN', {maximumFractionDigits: 2}) + ' %');
  const yuan = (fen) => (fen === null || fen === undefined ? '—'
    : (Number(fen) / 100).toLocaleString('zh-CN', {minimumFractionDigits: 2, maximumFractionDigits: 2}));
  const FIGURES = [
    ['结对户数 / Paired', (s) => count(s.pairedHouseholds), 'num'],
    ['到期户数 / Due', (s) => count(s.dueHouseholds), 'num'],
    ['按期脱贫 / On schedule', (s) => count(s.exitedOnSchedule), 'num'],
    ['未按期 / Failed', (s) => count(s.failedHouseholds), 'num'],
    ['按期率 / On-schedule share', (s) => percent(s.onScheduleShare), 'num'],
    ['上年人均纯收入（元） / Income last year', (s) => yuan(s.incomePrevFen), 'num'],
    ['本年人均纯收入（元） / Income this year', (s) => yuan(s.incomeYearFen), 'num'],
    ['收入增长 / Growth', (s) => percent(s.incomeGrowth), 'num'],
    ['走访 / Visits', (s) => count(s.visits), 'num'],
    ['户均走访 / Per household', (s) => Number(s.visitsPerHousehold).toLocaleString('zh-CN'), 'num'],
    ['异议成立 / Objections upheld', (s) => count(s.objectionsUpheld), 'num'],
    ['得分 / Points', (s) => Number(s.points).toLocaleString('zh-CN', {minimumFractionDigits: 2}), 'num'],
    ['按分评定 / By points', (s) => s.pointsRatingLabel],
    ['评定 / Rating', (s) => s.ratingLabel, 'rating'],
    ['封顶原因 / Cap applied', (s) => s.capReason || '—']
  ];
  const CADRE = [
    ['帮扶干部 / Cadre', (s) => s.cadre + (s.cadreLatin ? ' / ' + s.cadreLatin : '')],
    ['职级 / Rank', (s) => s.rankLabel || '—'],
    ['帮扶单位 / Unit', (s) => s.unit || '—']
  ];
  const UNIT = [['帮扶单位 / Unit', (s) => s.unit || '—']];
  let screens = null;

  function mayRun() {
    return screens && (screens.administrator || screens.countyOffices.includes($('county').value));
  }
  function table(id, columns, rows, key) {
    const head = el('tr');
    columns.forEach(([label]) => head.appendChild(el('th', label)));
    $(id).tHead.replaceChildren(head);
    $(id).tBodies[0].replaceChildren(...(rows.length ? rows.map((s) => {
      const tr = el('tr');
      tr.id = key(s);
      columns.forEach(([, value, kind]) => {
        // a rating the cap changed is marked, so the reader looks at the reason beside it
        const td = el('td', value(s), kind === 'num' ? 'num' : (kind === 'rating' && s.rating !== s.pointsRating
          ? 'error' : null));
        if (kind === 'rating') { td.dataset.rating = s.rating; }
        tr.appendChild(td);
      });
      return tr;
    }) : [(() => {
      const tr = el('tr');
      const td = el('td', '无 / None');
      td.colSpan = columns.length;
      tr.appendChild(td);
      return tr;
    })()]));
  }
  function render(runs) {
    $('title').textContent = $('county').selectedOptions[0].textContent + ' · ' + $('year').value;
    const run = runs[0];
    const may = mayRun();
    $('run').hidden = !(may && !run);
    $('rerun').hidden = !(may && run);
    $('xlsx').hidden = !run;
    $('xlsx').href = '/api/assessment/scoring.xlsx?' + new URLSearchParams({region: $('county').value,
      year: $('year').value});
    $('results').hidden = !run;
    if (run) {
      $('run-meta').textContent = '评定 / Scored ' + new Date(run.runAt).toLocaleString('zh-CN') + ' · ' + run.runBy
        + (run.runs > 1 ? ' · 第 ' + run.runs + ' 次 / run ' + run.runs : '');
      table('cadres', CADRE.concat(FIGURES), run.cadres, (s) => 'cadre-' + s.cadreId);
      table('units', UNIT.concat(FIGURES), run.units, (s) => 'unit-' + s.unitId);
    } else {
      $('run-meta').textContent = '本年度尚未评定 / Not scored yet for this year';
    }
    $('scoring-view').hidden = false;
  }
  async function load() {
    O.clearProblems();
    document.body.dataset.loaded = 'false';
    try {
      render(await O.call('GET', '/api/assessment/scoring?' + new URLSearchParams({region: $('county').value,
        year: $('year').value})));
    } catch (e) {
      $('scoring-view').hidden = true;
      O.showProblem(e.body, e.status);
    }
    document.body.dataset.loaded = 'true';
  }
  async function run(replace) {
    O.clearProblems();
    document.body.dataset.loaded = 'false';
    const query = new URLSearchParams({county: $('county').value, year: $('year').value});
    if (replace) { query.set('replace', 'true'); }
    try {
      const result = await O.call('POST', '/api/assessment/scoring?' + query, '');
      render([result]);
    } catch (e) {
      O.showProblem(e.body, e.status);
    }
    document.body.dataset.loaded = 'true';
  }
  $('picker').addEventListener('submit', (event) => {
    event.preventDefault();
    history.replaceState(null, '', '?' + new URLSearchParams({county: $('county').value, year: $('year').value}));
    load();
  });
  $('run').addEventListener('click', () => run(false));
  $('rerun').addEventListener('click', () => run(true));
  O.call('GET', '/api/workbench/screens')
    .then((s) => {
      screens = s;
      return O.counties($('county'), $('year'), params.get('county'), params.get('year'));
    })
    .then(load)
    .catch((e) => O.showProblem(e.body, e.status));
}());
