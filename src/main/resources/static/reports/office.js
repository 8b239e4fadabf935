// Shared by the county office's pages (targets.html, funds.html, crosscheck.html): elements set as text, problem details shown next
// to their fields, the county picker from GET /api/reports, and writes with the webapps' session token.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function problemText(body, status) {
    if (!body) { return '出错了 / Something went wrong (' + status + ')'; }
    const errors = body.errors ? Object.entries(body.errors).map(([k, v]) => k + ': ' + v).join('; ') : body.detail;
    return (body.title || status) + (errors ? ' — ' + errors : '');
  }
  // Each field's error into the element error-<field><suffix> (a form per row: the row's key as suffix); what has no
  // such element goes to #message.
  function showProblem(body, status, suffix) {
    document.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
    const rest = {};
    Object.entries((body && body.errors) || {}).forEach(([field, rule]) => {
      const place = $('error-' + field + (suffix || ''));
      if (place) { place.textContent = rule; } else { rest[field] = rule; }
    });
    const left = Object.keys(rest).length || !(body && body.errors);
    $('message').textContent = left ? problemText(body && Object.assign({}, body, {errors: body.errors ? rest : null}),
      status) : (body.title || '');
  }
  function clearProblems() {
    document.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
    $('message').textContent = '';
  }
  async function call(method, path, body) {
    const headers = {Accept: 'application/json'};
    if (body !== undefined) {
      const token = await call('GET', '/api/session-token');
      headers['Content-Type'] = 'application/json';
      headers['X-XSRF-TOKEN'] = token.token;
    }
    const response = await fetch(path, {method: method, headers: headers, credentials: 'same-origin', body: body});
    const data = await response.json().catch(() => null);
    if (response.status === 401) {
      throw Object.assign(new Error('login'), {status: 401,
        body: {title: '请先登录任务列表 / Please log in to the Tasklist first'}});
    }
    if (!response.ok) { throw Object.assign(new Error('problem'), {status: response.status, body: data}); }
    return data;
  }
  // A file upload (multipart): the browser sets the boundary; the write carries the session's token like call's.
  async function upload(path, formData) {
    const token = await call('GET', '/api/session-token');
    const response = await fetch(path, {method: 'POST', credentials: 'same-origin', body: formData,
      headers: {Accept: 'application/json', 'X-XSRF-TOKEN': token.token}});
    const data = await response.json().catch(() => null);
    if (response.status === 401) {
      throw Object.assign(new Error('login'), {status: 401,
        body: {title: '请先登录任务列表 / Please log in to the Tasklist first'}});
    }
    if (!response.ok) { throw Object.assign(new Error('problem'), {status: response.status, body: data}); }
    return data;
  }
  // The counties the caller reads: his own, those of his region, or the one his township or village lies in.
  async function counties(select, yearSelect, wanted, wantedYear) {
    const index = await call('GET', '/api/reports');
    const names = {};
    index.regions.forEach((r) => { names[r.code] = r.name; });
    const codes = [];
    index.regions.forEach((r) => {
      const code = r.code.substring(0, 6) + '000000';
      if (r.level !== 'PROVINCE' && r.level !== 'CITY' && !codes.includes(code)) { codes.push(code); }
    });
    select.replaceChildren(...codes.map((code) => {
      const option = el('option', (names[code] || '所在县 / Own county') + ' (' + code + ')');
      option.value = code;
      option.selected = code === wanted;
      return option;
    }));
    const thisYear = index.thisYear;
    yearSelect.replaceChildren();
    for (let y = thisYear + 5; y >= thisYear - 4; y--) {
      const option = el('option', String(y));
      option.value = String(y);
      option.selected = String(y) === (wantedYear || String(thisYear));
      yearSelect.appendChild(option);
    }
  }
  window.Office = {$: $, el: el, call: call, upload: upload, showProblem: showProblem, clearProblems: clearProblems,
    counties: counties};
}());
