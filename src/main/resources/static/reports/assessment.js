// The year's assessment of a county: the county office starts it (POST /api/assessments, 202) and everyone of the
// county follows it (GET /api/assessments/{county}/{year}): started of due, by lane, outcomes so far. A run that
// stopped half-way (its start case gone, not finished) is offered to resume: starting again goes on where it stopped
// (ADR 0011). Who may start comes from the server (GET /api/workbench/screens); the POST is checked again there.
(function () {
  'use strict';
  const O = window.Office;
  const $ = O.$;
  const el = O.el;
  const params = new URLSearchParams(location.search);
  const count = (n) => Number(n).toLocaleString('zh-CN');
  const time = (t) => (t ? new Date(t).toLocaleString('zh-CN') : '—');
  const OUTCOMES = {
    PENDING: '待村里确认 / Waiting for the village',
    EXIT_PROPOSED: '拟脱贫退出 / Exit proposed',
    REMAINS: '继续帮扶 / Remains in poverty',
    MONITORED: '纳入监测 / Monitored',
    REENTRY: '重新识别 / Identified again',
    STABLE: '稳定脱贫 / Stable',
    EXITED: '已脱贫 / Exited'
  };
  let screens = null;
  let timer = null;

  function mayStart() {
    return screens && (screens.administrator || screens.countyOffices.includes($('county').value));
  }
  function render(run) {
    $('title').textContent = run.county + ' · ' + run.year;
    const state = $('state');
    if (run.finishedAt) {
      state.textContent = '✔ 已全部启动 / Every due household has its case';
      state.className = 'verdict-line ok';
    } else if (run.stopped) {
      state.textContent = '⏸ 启动中断：' + count(run.started) + ' / ' + count(run.total)
        + ' 户已启动 / The run stopped half-way: ' + count(run.started) + ' of ' + count(run.total) + ' started';
      state.className = 'verdict-line no';
    } else if (run.failedLanes > 0) {
      state.textContent = '⚠ ' + run.failedLanes + ' 条通道出错，需管理员在 Cockpit 处理 / ' + run.failedLanes
        + ' lane(s) failed: an administrator retries them in Cockpit';
      state.className = 'verdict-line no';
    } else {
      state.textContent = '▶ 正在启动 / Being started';
      state.className = 'verdict-line';
    }
    $('start').hidden = true;
    $('resume').hidden = !(run.stopped && mayStart());
    $('refresh').hidden = false;
    $('bar').max = Math.max(1, run.total);
    $('bar').value = run.started;
    $('started').textContent = count(run.started) + ' / ' + count(run.total);
    $('remaining').textContent = count(run.remaining);
    $('startedBy').textContent = run.startedBy;
    $('startedAt').textContent = time(run.startedAt);
    $('finishedAt').textContent = time(run.finishedAt);
    $('lanes').tBodies[0].replaceChildren(...run.lanes.map((lane) => {
      const tr = el('tr');
      tr.appendChild(el('td', '通道 / Lane ' + (lane.lane + 1)));
      tr.appendChild(el('td', count(lane.started), 'num'));
      tr.appendChild(el('td', count(lane.remaining), 'num'));
      return tr;
    }));
    $('outcomes').tBodies[0].replaceChildren(...Object.entries(run.outcomes).map(([outcome, n]) => {
      const tr = el('tr');
      tr.dataset.outcome = outcome;
      tr.appendChild(el('td', OUTCOMES[outcome] || outcome));
      tr.appendChild(el('td', count(n), 'num'));
      return tr;
    }));
    $('progress-view').hidden = false;
    $('run-view').hidden = false;
    // while it runs, look again now and then, as an official watching it would
    clearTimeout(timer);
    if (run.running && !run.finishedAt) { timer = setTimeout(load, 10000); }
  }
  function notStarted() {
    $('title').textContent = $('county').selectedOptions[0].textContent + ' · ' + $('year').value;
    $('state').textContent = '尚未启动 / Not started yet';
    $('state').className = 'verdict-line';
    $('start').hidden = !mayStart();
    $('resume').hidden = true;
    $('refresh').hidden = true;
    $('progress-view').hidden = true;
    $('run-view').hidden = false;
  }
  async function load() {
    O.clearProblems();
    document.body.dataset.loaded = 'false';
    try {
      render(await O.call('GET', '/api/assessments/' + $('county').value + '/' + $('year').value));
    } catch (e) {
      if (e.status === 404) {
        notStarted();
      } else {
        $('run-view').hidden = true;
        O.showProblem(e.body, e.status);
      }
    }
    document.body.dataset.loaded = 'true';
  }
  async function start() {
    O.clearProblems();
    document.body.dataset.loaded = 'false';
    try {
      render(await O.call('POST', '/api/assessments', JSON.stringify({countyCode: $('county').value,
        assessmentYear: Number($('year').value)})));
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
  $('start').addEventListener('click', start);
  $('resume').addEventListener('click', start);
  $('refresh').addEventListener('click', load);
  O.call('GET', '/api/workbench/screens')
    .then((s) => {
      screens = s;
      return O.counties($('county'), $('year'), params.get('county'), params.get('year'));
    })
    .then(load)
    .catch((e) => O.showProblem(e.body, e.status));
}());
