// Inspection rounds (issue #24): plan a round (POST /api/inspections) — the server draws the sample with a seed it
// records —, the rounds of the caller's region (GET /api/inspections), one round's sample and findings, and a re-draw
// with the recorded seed (GET /api/inspections/{roundNo}/redraw). Every value is set as text.
(function () {
  'use strict';
  const O = window.Office;
  const $ = O.$;
  const params = new URLSearchParams(location.search);

  function cells(row, values) {
    values.forEach((value) => row.appendChild(O.el('td', value === undefined || value === null ? '—' : value)));
    return row;
  }
  function when(instant) {
    return instant ? new Date(instant).toLocaleDateString('zh-CN') : '—';
  }
  async function loadRounds() {
    const rounds = await O.call('GET', '/api/inspections');
    $('rounds').tBodies[0].replaceChildren(...rounds.map((round) => {
      const row = O.el('tr');
      row.dataset.round = round.roundNo;
      const link = O.el('a', round.roundNo);
      link.href = '?round=' + encodeURIComponent(round.roundNo);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        history.replaceState(null, '', '?round=' + encodeURIComponent(round.roundNo));
        showRound(round.roundNo).catch((e) => O.showProblem(e.body, e.status));
      });
      row.appendChild(O.el('td')).appendChild(link);
      return cells(row, [round.regionCode, round.year, (round.registers || []).join(', '), round.population,
        round.projectPopulation, round.sampleSize, round.status, round.plannedBy]);
    }));
  }
  async function showRound(roundNo) {
    const detail = await O.call('GET', '/api/inspections/' + encodeURIComponent(roundNo));
    const round = detail.round;
    $('round-title').textContent = '轮次 / Round ' + round.roundNo;
    $('round-meta').textContent = '范围 / Region ' + round.regionCode + ' · ' + round.year + ' · 比例 / share '
      + round.percent + ' % · 每村至少 / at least ' + round.minimumPerVillage + ' · 种子 / seed ' + round.seed
      + ' · 每乡镇至少项目 / projects at least per township ' + round.minimumProjectsPerTownship
      + ' · 抽中 / drawn ' + round.sampleSize + ' / ' + (round.population + round.projectPopulation);
    $('redrawn').textContent = '';
    $('redraw').dataset.round = round.roundNo;
    $('sample').tBodies[0].replaceChildren(...detail.sample.map((s) => cells(O.el('tr'),
      [s.position, s.applicationNo, s.projectNo, s.villageCode, s.status, s.checkedBy])));
    $('findings').tBodies[0].replaceChildren(...detail.findings.map((f) => cells(O.el('tr'),
      [f.findingNo, f.applicationNo, f.projectNo, f.kind, f.severity, f.responsible, f.rectifier, f.status,
        when(f.dueAt)])));
    $('round').hidden = false;
  }
  async function plan() {
    O.clearProblems();
    $('planned').textContent = '';
    const registers = Array.from(document.querySelectorAll('input[name=registers]:checked')).map((box) => box.value);
    const whole = /^\d{1,4}$/;
    const share = /^\d{1,3}(\.\d{1,2})?$/;
    const percent = $('percent').value.trim();
    const minimum = $('minimumPerVillage').value.trim();
    const projects = registers.includes('PROJECTS');
    const minimumProjects = $('minimumProjectsPerTownship').value.trim();
    if (!share.test(percent)) {
      $('error-percent').textContent = '请输入百分比，如 5 / Enter a share, e.g. 5';
      return;
    }
    if (!whole.test(minimum)) {
      $('error-minimumPerVillage').textContent = '请输入整数 / Enter a whole number';
      return;
    }
    if (projects && !whole.test(minimumProjects)) {
      $('error-minimumProjectsPerTownship').textContent = '请输入整数 / Enter a whole number';
      return;
    }
    // the numbers go as typed, so the server sees them as they are (nothing is rounded here)
    const body = '{"regionCode": ' + JSON.stringify($('regionCode').value.trim()) + ', "year": '
      + Number($('year').value) + ', "registers": ' + JSON.stringify(registers) + ', "percent": ' + percent
      + ', "minimumPerVillage": ' + minimum
      + (projects ? ', "minimumProjectsPerTownship": ' + minimumProjects : '') + '}';
    try {
      const round = await O.call('POST', '/api/inspections', body);
      $('planned').textContent = '已计划并抽样 / Planned and drawn: ' + round.roundNo + ' (' + round.sampleSize + ' / '
        + (round.population + round.projectPopulation) + ')';
      await loadRounds();
      await showRound(round.roundNo);
    } catch (e) {
      O.showProblem(e.body, e.status);
    }
  }
  async function redraw() {
    const roundNo = $('redraw').dataset.round;
    try {
      const result = await O.call('GET', '/api/inspections/' + encodeURIComponent(roundNo) + '/redraw');
      $('redrawn').textContent = result.matches
        ? '一致：按记录的种子重新抽得同样的户和项目 / The same: the recorded seed draws the same households and projects'
        : '不一致：总户数由 ' + result.populationThen + ' 变为 ' + result.populationNow + '，项目数由 '
          + result.projectPopulationThen + ' 变为 ' + result.projectPopulationNow + ' / Not the same: the population'
          + ' changed from ' + result.populationThen + ' to ' + result.populationNow + ' households and from '
          + result.projectPopulationThen + ' to ' + result.projectPopulationNow + ' projects';
    } catch (e) {
      O.showProblem(e.body, e.status);
    }
  }
  $('plan').addEventListener('submit', (event) => {
    event.preventDefault();
    plan();
  });
  $('redraw').addEventListener('click', redraw);
  (async () => {
    document.body.dataset.loaded = 'false';
    const index = await O.call('GET', '/api/reports');
    const own = index.regions.find((r) => r.level === 'COUNTY') || index.regions[0];
    $('regionCode').value = params.get('region') || (own ? own.code : '');
    for (let y = index.thisYear; y >= index.thisYear - 4; y--) {
      const option = O.el('option', String(y));
      option.value = String(y);
      $('year').appendChild(option);
    }
    await loadRounds();
    if (params.get('round')) {
      await showRound(params.get('round'));
    }
    document.body.dataset.loaded = 'true';
  })().catch((e) => O.showProblem(e.body, e.status));
}());
