// Work teams stationed in the villages of a region (GET /api/work-teams) and leaders' contact points
// (GET /api/contact-points). The county office stations a team (POST /api/work-teams), ends a stationing
// (POST /api/work-teams/{id}/end) and adds a contact point (POST /api/contact-points); the server says who may (canEdit)
// and refuses the rest anyway. Every value is set as text.
(function () {
  'use strict';
  const O = window.Office;
  const $ = O.$;
  const params = new URLSearchParams(location.search);
  const PREFIX = {PROVINCE: 2, CITY: 4, COUNTY: 6, TOWNSHIP: 9, VILLAGE: 12};
  const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().substring(0, 10);
  let regions = [];

  function option(value, text, selected) {
    const o = O.el('option', text);
    o.value = value;
    o.selected = !!selected;
    return o;
  }
  function cadreName(c) {
    return c ? c.name + (c.nameLatin ? ' ' + c.nameLatin : '') + '（' + c.rankLabel + '）' : '—';
  }
  // memberIds[2] → the members' one error place
  function byField(body) {
    if (!body || !body.errors) { return body; }
    const errors = {};
    Object.entries(body.errors).forEach(([k, v]) => {
      const key = k.replace(/\[\d+\]$/, '');
      errors[key] = errors[key] ? errors[key] + '; ' + v : v;
    });
    return Object.assign({}, body, {errors: errors});
  }
  function selected() {
    return regions.find((r) => r.code === $('region').value);
  }
  function endCell(team, canEdit) {
    const cell = O.el('td');
    if (team.endedOn) {
      cell.textContent = team.endReason || '';
      return cell;
    }
    if (!canEdit) { return cell; }
    const form = O.el('form', null, 'inline');
    form.noValidate = true;
    const date = O.el('input');
    date.id = 'endedOn-' + team.id;
    date.value = today();
    date.setAttribute('aria-label', '结束日期 / Ended on');
    const reason = O.el('input');
    reason.id = 'reason-' + team.id;
    reason.placeholder = '原因 / Reason';
    reason.setAttribute('aria-label', '原因 / Reason');
    const button = O.el('button', '结束驻村 / End stationing');
    button.type = 'submit';
    button.id = 'end-' + team.id;
    const dateError = O.el('span', null, 'field-error error');
    dateError.id = 'error-endedOn-' + team.id;
    const reasonError = O.el('span', null, 'field-error error');
    reasonError.id = 'error-reason-' + team.id;
    form.append(date, dateError, reason, reasonError, button);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      O.clearProblems();
      try {
        await O.call('POST', '/api/work-teams/' + team.id + '/end',
          JSON.stringify({endedOn: date.value.trim(), reason: reason.value}));
        $('saved').textContent = '已结束驻村 / Stationing ended';
        load();
      } catch (e) {
        O.showProblem(e.body, e.status, '-' + team.id);
      }
    });
    cell.appendChild(form);
    return cell;
  }
  function renderTeams(list) {
    const body = $('teams').tBodies[0];
    body.replaceChildren(...list.teams.map((t) => {
      const tr = O.el('tr');
      tr.dataset.team = String(t.id);
      tr.append(O.el('td', t.village), O.el('td', t.unit), O.el('td', cadreName(t.leader)),
        O.el('td', cadreName(t.firstSecretary)),
        O.el('td', t.members.map((m) => m.cadre.name + (m.endedOn ? '（至 ' + m.endedOn + '）' : '')).join('、')),
        O.el('td', t.startedOn + ' — ' + (t.endedOn || (t.plannedEndOn ? '（计划 / planned ' + t.plannedEndOn + '）' : ''))),
        endCell(t, list.canEdit));
      return tr;
    }));
    if (!list.teams.length) {
      const tr = O.el('tr');
      const td = O.el('td', '没有驻村工作队 / No work team');
      td.colSpan = 7;
      tr.appendChild(td);
      body.appendChild(tr);
    }
  }
  function renderContacts(list) {
    const body = $('contacts').tBodies[0];
    body.replaceChildren(...list.contactPoints.map((c) => {
      const tr = O.el('tr');
      tr.append(O.el('td', c.leaderName), O.el('td', c.post), O.el('td', c.region), O.el('td', c.startedOn),
        O.el('td', c.endedOn || '—'));
      return tr;
    }));
  }
  // The add forms: villages of the region, the county's units and active cadres.
  async function fillForms(region) {
    const county = region.code.substring(0, 6) + '000000';
    const prefix = region.code.substring(0, PREFIX[region.level]);
    const villages = regions.filter((r) => r.level === 'VILLAGE' && r.code.startsWith(prefix));
    $('villageCode').replaceChildren(...villages.map((v) => option(v.code, v.name + ' (' + v.code + ')')));
    const countyRegion = regions.find((r) => r.code === county);
    $('regionCode').replaceChildren(...(countyRegion ? [option(county, countyRegion.name + ' (' + county + ')')] : [])
      .concat(villages.map((v) => option(v.code, v.name + ' (' + v.code + ')'))));
    const [cadres, units] = await Promise.all([O.call('GET', '/api/cadres?size=200&region=' + county),
      O.call('GET', '/api/assisting-units?size=200&region=' + county)]);
    const unitById = new Map();
    units.concat(cadres.map((c) => c.unit)).forEach((u) => { if (!unitById.has(u.id)) { unitById.set(u.id, u); } });
    $('unitId').replaceChildren(...[...unitById.values()].map((u) => option(String(u.id), u.name)));
    $('leaderId').replaceChildren(...cadres.map((c) => option(String(c.id), cadreName(c))));
    $('firstSecretaryId').replaceChildren(option('', '— 无 / none —'),
      ...cadres.map((c) => option(String(c.id), cadreName(c))));
    const members = $('members');
    members.querySelectorAll('label').forEach((l) => l.remove());
    cadres.forEach((c) => {
      const label = O.el('label', null, 'member');
      const box = O.el('input');
      box.type = 'checkbox';
      box.value = String(c.id);
      box.id = 'member-' + c.id;
      label.append(box, O.el('span', cadreName(c)));
      members.insertBefore(label, $('error-memberIds'));
    });
    $('startedOn').value = today();
    $('contactStartedOn').value = today();
  }
  async function load() {
    O.clearProblems();
    document.body.dataset.loaded = 'false';
    const region = selected();
    try {
      const query = new URLSearchParams({region: region.code, includeEnded: $('includeEnded').checked});
      const [teams, contacts] = await Promise.all([O.call('GET', '/api/work-teams?' + query),
        O.call('GET', '/api/contact-points?' + query)]);
      $('title').textContent = region.name;
      renderTeams(teams);
      renderContacts(contacts);
      $('add-team').hidden = !teams.canEdit;
      $('add-contact').hidden = !contacts.canEdit;
      if (teams.canEdit) { await fillForms(region); }
      $('teams-page').hidden = false;
      document.body.dataset.loaded = 'true';
    } catch (e) {
      O.showProblem(e.body, e.status);
    }
  }
  async function station() {
    O.clearProblems();
    $('saved').textContent = '';
    const members = [...$('members').querySelectorAll('input:checked')].map((b) => Number(b.value));
    const body = {villageCode: $('villageCode').value, unitId: Number($('unitId').value) || null,
      startedOn: $('startedOn').value.trim() || null, plannedEndOn: $('plannedEndOn').value.trim() || null,
      leaderId: Number($('leaderId').value) || null, firstSecretaryId: Number($('firstSecretaryId').value) || null,
      memberIds: members};
    try {
      await O.call('POST', '/api/work-teams', JSON.stringify(body));
      $('saved').textContent = '已派驻 / Team stationed';
      load();
    } catch (e) {
      O.showProblem(byField(e.body), e.status);
    }
  }
  async function addContact() {
    O.clearProblems();
    $('saved').textContent = '';
    const body = {leaderName: $('leaderName').value, post: $('post').value, regionCode: $('regionCode').value,
      startedOn: $('contactStartedOn').value.trim() || null};
    try {
      await O.call('POST', '/api/contact-points', JSON.stringify(body));
      $('saved').textContent = '已增加联系点 / Contact point added';
      load();
    } catch (e) {
      // the contact form's start date has its own place (the team form has a startedOn too)
      const b = e.body && e.body.errors && e.body.errors.startedOn
        ? Object.assign({}, e.body, {errors: Object.fromEntries(Object.entries(e.body.errors)
          .map(([k, v]) => [k === 'startedOn' ? 'contact-startedOn' : k, v]))}) : e.body;
      O.showProblem(b, e.status);
    }
  }
  $('picker').addEventListener('submit', (event) => {
    event.preventDefault();
    history.replaceState(null, '', '?' + new URLSearchParams({region: $('region').value}));
    load();
  });
  $('add-team').addEventListener('submit', (event) => {
    event.preventDefault();
    station();
  });
  $('add-contact').addEventListener('submit', (event) => {
    event.preventDefault();
    addContact();
  });
  O.call('GET', '/api/reports').then((index) => {
    regions = index.regions;
    const shown = regions.filter((r) => r.level !== 'VILLAGE');
    const choices = shown.length ? shown : regions;
    const wanted = params.get('region');
    $('region').replaceChildren(...choices.map((r, i) => option(r.code, r.name + ' (' + r.code + ')',
      wanted ? r.code === wanted : i === 0)));
    return load();
  }).catch((e) => O.showProblem(e.body, e.status));
}());
