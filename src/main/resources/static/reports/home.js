// The workbench: an official's region at a glance (GET /api/workbench), each figure a link to the list behind it.
// Every value is set as text. Chinese first in every label.
(function () {
  'use strict';
  const {$, el, call, showProblem} = window.Office; // office.js: elements as text, calls, problem details
  const params = new URLSearchParams(location.search);
  const yuan = (fen) => (Number(fen) / 100).toLocaleString('zh-CN', {minimumFractionDigits: 2, maximumFractionDigits: 2});
  const count = (n) => Number(n).toLocaleString('zh-CN');

  function tile(id, label, value, link, alert) {
    const a = el('a', null, 'tile' + (alert ? ' alert' : ''));
    a.id = 'tile-' + id;
    a.href = link;
    a.appendChild(el('span', value, 'value'));
    a.appendChild(el('span', label, 'label'));
    return a;
  }
  // The funds screen is the county's: shown to officials who read a county (or more), not to townships and villages.
  function showScreens(home) {
    $('link-funds').hidden = !home.regions.some((r) => ['PROVINCE', 'CITY', 'COUNTY'].includes(r.level));
    $('link-crosscheck').hidden = home.crossCheck !== true;
  }
  function fillPicker(home) {
    const region = $('region');
    region.replaceChildren();
    home.regions.forEach((r) => {
      const option = el('option', r.name + ' (' + r.code + ')');
      option.value = r.code;
      option.selected = r.code === home.region.code;
      region.appendChild(option);
    });
    const year = $('year');
    year.replaceChildren();
    for (let y = home.year + 1; y >= home.year - 5; y--) {
      const option = el('option', String(y));
      option.value = String(y);
      option.selected = y === home.year;
      year.appendChild(option);
    }
  }
  function render(home) {
    $('title').textContent = home.region.name + ' · ' + home.year;
    const tiles = $('tiles');
    tiles.replaceChildren(
      tile('tasks', '我的待办任务 / My open tasks', count(home.tasks.open), home.tasks.link),
      tile('overdue', '逾期任务 / Overdue tasks', count(home.tasks.overdue), home.tasks.link, home.tasks.overdue > 0),
      tile('objections', home.objections.label, count(home.objections.value), home.objections.link,
        home.objections.value > 0),
      tile('exits', '本年脱贫 / Exits this year (计划 / planned ' + count(home.exits.planned)
        + (home.exits.task === undefined || home.exits.task === null ? ''
          : '，任务 / task ' + count(home.exits.task)) + ')',
        count(home.exits.exited), home.exits.link),
      tile('funds', '本年已下达 / Allocated this year, 元 (已拨付 / disbursed ' + yuan(home.funds.disbursedFen) + ')',
        yuan(home.funds.allocatedFen), home.funds.link),
      tile('monitoring', '监测研判中 / Monitoring cases being decided (逾期 / overdue ' + count(home.monitoring.overdue)
        + ')', count(home.monitoring.deciding), home.monitoring.link, home.monitoring.overdue > 0),
      tile('monitored', '帮扶中监测户 / Monitored households supported', count(home.monitoring.supported),
        home.monitoring.link),
      tile('eliminated', '本年风险消除 / Risks eliminated this year', count(home.monitoring.eliminatedThisYear),
        home.monitoring.link));
    const body = $('tasks').tBodies[0];
    body.replaceChildren();
    home.tasks.byProcess.forEach((p) => {
      const row = el('tr');
      const name = el('td');
      const link = el('a', p.name);
      link.href = p.link;
      name.appendChild(link);
      row.appendChild(name);
      row.appendChild(el('td', count(p.open), 'num'));
      row.appendChild(el('td', count(p.overdue), 'num' + (p.overdue > 0 ? ' error' : '')));
      body.appendChild(row);
    });
    if (!home.tasks.byProcess.length) {
      const row = el('tr');
      const cell = el('td', '没有待办任务 / No open tasks');
      cell.colSpan = 3;
      row.appendChild(cell);
      body.appendChild(row);
    }
    $('home').hidden = false;
    const chart = echarts.init($('households'), null, {renderer: 'svg'});
    const rows = home.households.byStatus;
    chart.setOption({
      grid: {left: 220, right: 40, top: 10, bottom: 30},
      xAxis: {type: 'value', minInterval: 1},
      yAxis: {type: 'category', data: rows.map((r) => r.label), inverse: true},
      series: [{type: 'bar', data: rows.map((r) => r.count), label: {show: true, position: 'right'}}]
    });
    chart.on('click', () => { location.href = home.households.link; });
  }
  function load(region, year) {
    const query = new URLSearchParams();
    if (region) { query.set('region', region); }
    if (year) { query.set('year', year); }
    $('message').textContent = '';
    document.body.dataset.loaded = 'false';
    call('GET', '/api/workbench?' + query)
      .then((home) => {
        fillPicker(home);
        showScreens(home);
        render(home);
        document.body.dataset.loaded = 'true';
      })
      .catch((e) => showProblem(e.body, e.status));
  }
  $('picker').addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams({region: $('region').value, year: $('year').value});
    history.replaceState(null, '', '?' + query);
    load($('region').value, $('year').value);
  });
  load(params.get('region'), params.get('year'));
}());
