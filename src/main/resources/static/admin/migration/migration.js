// The administrators' migration page: running cases per version and activity, a plan validated by the engine, the
// batch and its failures. Data from /api/admin/migrations with the Camunda webapps' session; a POST carries the
// session's CSRF token (Camunda's own, which our page cannot read from its cookie). Every value is set as text.
(function () {
  'use strict';
  const API = '/api/admin/migrations';
  const $ = (id) => document.getElementById(id);
  let processes = [];
  let token = null;
  let polling = null;

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function row(cells) {
    const tr = document.createElement('tr');
    cells.forEach((cell) => tr.appendChild(cell instanceof Node ? cell : el('td', cell)));
    return tr;
  }
  function num(value) { return el('td', value, 'num'); }
  function fill(tableId, rows) {
    const body = $(tableId).querySelector('tbody');
    body.replaceChildren(...rows);
  }
  function showError(text) {
    $('error').textContent = text;
    $('error').hidden = !text;
  }
  function problemText(body, status) {
    if (!body) { return '出错了 / Something went wrong (' + status + ')'; }
    const errors = body.errors ? Object.entries(body.errors).map(([k, v]) => k + ': ' + v).join('; ') : body.detail;
    return (body.title || status) + (errors ? ' — ' + errors : '');
  }
  async function call(method, path, body) {
    const headers = {'Accept': 'application/json'};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['X-XSRF-TOKEN'] = token || '';
    }
    const response = await fetch(API + path, {method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)});
    const data = await response.json().catch(() => null);
    if (response.status === 401) {
      throw new Error('请先登录 Camunda 管理后台 / Please log in to the Camunda webapps first');
    }
    if (!response.ok) { throw new Error(problemText(data, response.status)); }
    return data;
  }
  async function fetchToken() {
    token = (await call('GET', '/session-token')).token;
  }

  function renderProcesses() {
    const rows = [];
    processes.forEach((process) => process.versions.forEach((version) => {
      const waiting = version.activities.map((a) => a.name + ' (' + a.activityId + '): ' + a.runningCases).join('; ');
      const choose = el('td');
      if (!version.latest) {
        const button = el('button', '迁移到新版本 / Migrate');
        button.type = 'button';
        button.dataset.process = process.key;
        button.dataset.version = String(version.version);
        button.addEventListener('click', () => choosePlan(process.key, version.version));
        choose.appendChild(button);
      } else {
        choose.textContent = '最新版本 / latest';
      }
      rows.push(row([el('td', process.name + ' (' + process.key + ')'), num(version.version), num(version.runningCases),
        num(version.failedJobs), num(version.incidents), el('td', waiting), choose]));
    }));
    fill('processes', rows);
    const keys = $('processKey');
    const current = keys.value;
    keys.replaceChildren(...processes.map((p) => { const o = el('option', p.name + ' (' + p.key + ')'); o.value = p.key; return o; }));
    if (current) { keys.value = current; }
    versionsFor(keys.value);
  }
  function versionsFor(key, source) {
    const process = processes.find((p) => p.key === key);
    if (!process) { return; }
    const sources = process.versions.filter((v) => !v.latest).map((v) => v.version);
    $('sourceVersion').replaceChildren(...sources.map((v) => { const o = el('option', v); o.value = v; return o; }));
    if (source) { $('sourceVersion').value = source; }
    $('targetVersion').replaceChildren(...process.deployedVersions.map((v) => {
      const o = el('option', v === process.latestVersion ? v + ' (最新 / latest)' : v); o.value = v; return o;
    }));
    $('targetVersion').value = process.latestVersion;
  }
  function choosePlan(key, version) {
    $('processKey').value = key;
    versionsFor(key, version);
    $('run').disabled = true;
    $('plan').scrollIntoView();
  }
  function addMapping(from, to) {
    const tr = document.createElement('tr');
    ['from', 'to'].forEach((field, i) => {
      const td = el('td');
      const input = el('input');
      input.className = 'mapping-' + field;
      input.setAttribute('aria-label', field === 'from' ? '源环节 / From' : '目标环节 / To');
      input.value = (i === 0 ? from : to) || '';
      input.addEventListener('input', () => { $('run').disabled = true; });
      td.appendChild(input);
      tr.appendChild(td);
    });
    const remove = el('button', '删除 / Remove');
    remove.type = 'button';
    remove.addEventListener('click', () => { tr.remove(); $('run').disabled = true; });
    const td = el('td');
    td.appendChild(remove);
    tr.appendChild(td);
    $('mappings').querySelector('tbody').appendChild(tr);
  }
  function request() {
    const list = (text, separator) => text.split(separator).map((s) => s.trim()).filter((s) => s);
    const mappings = [...$('mappings').querySelectorAll('tbody tr')].map((tr) => ({
      from: tr.querySelector('.mapping-from').value.trim(), to: tr.querySelector('.mapping-to').value.trim()
    })).filter((m) => m.from || m.to);
    return {processKey: $('processKey').value, sourceVersion: Number($('sourceVersion').value),
      targetVersion: Number($('targetVersion').value), mappings: mappings,
      activityIds: list($('activityIds').value, ','), businessKeys: list($('businessKeys').value, /\r?\n/)};
  }

  function renderPlan(plan) {
    $('report').hidden = false;
    $('verdict').textContent = (plan.valid ? '计划有效 / The engine accepts the plan' : '引擎拒绝此计划 / The engine refuses the plan')
      + ' — 版本 / version ' + plan.source.version + ' → ' + plan.target.version + ' · 选中案件 / cases selected: ' + plan.selectedCases;
    $('verdict').className = plan.valid ? '' : 'error';
    fill('instructions', plan.instructions.map((i) => row([el('td', i.sourceActivityIds.join(', ')),
      el('td', i.targetActivityIds.join(', ')), el('td', i.explicit ? '是 / yes' : ''),
      el('td', i.updateEventTrigger ? '是 / yes' : ''), el('td', i.failures.join('; '), i.failures.length ? 'error' : '')])));
    const unmapped = plan.unmappedActivities.map((u) => row([el('td', u.name + ' (' + u.activityId + ')'),
      num(u.runningCases), el('td', u.reason)]));
    plan.variableFailures.forEach((f) => unmapped.push(row([el('td', '变量 / variables'), num(''), el('td', f, 'error')])));
    fill('unmapped', unmapped);
    $('run').disabled = !plan.valid || plan.selectedCases === 0;
  }
  function renderBatches(batches) {
    fill('batches', batches.map((b) => row([el('td', b.batchId),
      el('td', b.finished ? '已完成 / finished' : (b.failedJobs > 0 ? '有失败 / with failures' : '进行中 / running')),
      num(b.totalJobs), num(b.completedJobs), num(b.remainingJobs), num(b.failedJobs),
      el('td', b.startTime ? new Date(b.startTime).toLocaleString('zh-CN') : '')])));
    const failures = [];
    batches.forEach((b) => b.failures.forEach((f) => failures.push(row([el('td', b.batchId),
      el('td', f.businessKey || f.processInstanceId || ''), el('td', f.reason), num(f.retriesLeft)]))));
    fill('failures', failures);
    const running = batches.some((b) => !b.finished && b.remainingJobs > b.failedJobs);
    if (running && !polling) {
      polling = setInterval(() => refresh().catch((e) => showError(e.message)), 3000);
    } else if (!running && polling) {
      clearInterval(polling);
      polling = null;
    }
  }
  async function refresh() {
    processes = await call('GET', '/processes');
    renderProcesses();
    renderBatches(await call('GET', '/batches'));
  }

  async function validate() {
    showError('');
    try { renderPlan(await call('POST', '/plan', request())); } catch (e) { showError(e.message); }
  }
  async function run() {
    showError('');
    $('run').disabled = true;
    try {
      const started = await call('POST', '/batches', request());
      $('verdict').textContent = '批次已开始 / Batch started: ' + started.batchId + ' · 案件 / cases: ' + started.cases;
      await refresh();
    } catch (e) { showError(e.message); }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('processKey').addEventListener('change', () => { versionsFor($('processKey').value); $('run').disabled = true; });
    ['sourceVersion', 'targetVersion', 'activityIds', 'businessKeys'].forEach((id) =>
      $(id).addEventListener('change', () => { $('run').disabled = true; }));
    $('addMapping').addEventListener('click', () => addMapping());
    $('validate').addEventListener('click', validate);
    $('run').addEventListener('click', run);
    $('refresh').addEventListener('click', () => refresh().catch((e) => showError(e.message)));
    fetchToken().then(refresh).catch((e) => showError(e.message));
  });
}());
