// The county's assisting cadres and units (GET /api/cadres, /api/assisting-units): search, households paired and quota
// left per cadre; the county office adds and corrects cadres, records a departure or hand-over, adds and renames units
// (the server says who may: GET /api/cadre-access, and refuses the rest anyway). Every value is set as text.
(function () {
  'use strict';
  const O = window.Office;
  const $ = O.$;
  const params = new URLSearchParams(location.search);
  const PAGE = 50;
  const RANKS = [['PREFECTURE', '地厅级 / Prefecture level'], ['COUNTY', '县处级 / County level'],
    ['TOWNSHIP', '乡科级 / Township level'], ['STAFF', '一般干部 / Staff']];
  const STATUS = {REGISTERED: '已建档立卡 / Registered', EXITED: '已脱贫 / Exited'};
  const state = {page: 0, manage: false, units: [], cadres: [], open: null, editing: null};

  function options(select, rows, empty) {
    select.replaceChildren(...(empty ? [Object.assign(O.el('option', empty), {value: ''})] : []),
      ...rows.map(([value, label]) => Object.assign(O.el('option', label), {value: String(value)})));
  }
  function county() { return $('county').value; }
  function showManage() {
    document.querySelectorAll('.manage-only').forEach((e) => { e.hidden = !state.manage; });
    if (!state.manage) { $('cadre-form').hidden = true; }
  }

  // ---- the list ----
  function cadreRow(c) {
    const tr = O.el('tr');
    tr.dataset.cadre = String(c.id);
    const name = O.el('td');
    const open = O.el('a', c.name + (c.nameLatin ? ' / ' + c.nameLatin : ''));
    open.href = '#cadre-' + c.id;
    open.id = 'open-' + c.id;
    open.addEventListener('click', (event) => { event.preventDefault(); openCadre(c.id); });
    name.appendChild(open);
    tr.append(name, O.el('td', c.rankLabel), O.el('td', c.unit.name), O.el('td', c.paired, 'num'),
      O.el('td', c.quota, 'num'), O.el('td', c.quotaLeft, 'num' + (c.active && c.quotaLeft === 0 ? ' error' : '')),
      O.el('td', c.active ? '在岗 / Active' : '已离任 / Departed: ' + (c.leftReason || '')));
    if (state.manage) { tr.appendChild(O.el('td', c.phone || '—')); }
    return tr;
  }
  async function loadCadres() {
    const query = new URLSearchParams({region: county(), page: String(state.page), size: String(PAGE)});
    if ($('q').value.trim()) { query.set('q', $('q').value.trim()); }
    if ($('rank').value) { query.set('rank', $('rank').value); }
    if ($('unit').value) { query.set('unitId', $('unit').value); }
    if ($('includeLeft').checked) { query.set('includeLeft', 'true'); }
    state.cadres = await O.call('GET', '/api/cadres?' + query);
    const body = $('cadres').tBodies[0];
    body.replaceChildren(...state.cadres.map(cadreRow));
    if (!state.cadres.length) {
      const row = O.el('tr');
      const cell = O.el('td', '没有符合条件的帮扶干部 / No cadre matches');
      cell.colSpan = state.manage ? 8 : 7;
      row.appendChild(cell);
      body.appendChild(row);
    }
    $('page').textContent = '第 ' + (state.page + 1) + ' 页 / Page ' + (state.page + 1);
    $('previous').disabled = state.page === 0;
    $('next').disabled = state.cadres.length < PAGE;
  }
  async function loadUnits() {
    state.units = await O.call('GET', '/api/assisting-units?' + new URLSearchParams({region: county(), size: '200'}));
    const wanted = $('unit').value || params.get('unitId') || '';
    options($('unit'), state.units.map((u) => [u.id, u.name]), '全部 / All');
    $('unit').value = state.units.some((u) => String(u.id) === wanted) ? wanted : '';
    options($('unitId'), state.units.map((u) => [u.id, u.name + '（' + u.regionName + '）']), '请选择 / Choose');
    const body = $('units').tBodies[0];
    body.replaceChildren(...state.units.map((u) => {
      const tr = O.el('tr');
      tr.dataset.unit = String(u.id);
      tr.append(O.el('td', u.name), O.el('td', u.regionName));
      if (state.manage) { tr.appendChild(renameCell(u)); }
      return tr;
    }));
  }
  function renameCell(unit) {
    const cell = O.el('td');
    const form = O.el('form', null, 'inline');
    form.noValidate = true;
    const input = O.el('input');
    input.id = 'unit-name-' + unit.id;
    input.maxLength = 128;
    input.value = unit.name;
    input.setAttribute('aria-label', '单位名称 / Unit name');
    const button = O.el('button', '改名 / Rename');
    button.type = 'submit';
    button.id = 'rename-' + unit.id;
    const error = O.el('span', null, 'field-error error');
    error.id = 'error-name-unit-' + unit.id;
    form.append(input, button, error);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      write('PUT', '/api/assisting-units/' + unit.id, {name: input.value}, '-unit-' + unit.id, loadUnits);
    });
    cell.appendChild(form);
    return cell;
  }

  // ---- one cadre: his households, correction, departure or hand-over ----
  async function openCadre(id) {
    O.clearProblems();
    const detail = await O.call('GET', '/api/cadres/' + id);
    state.open = detail.cadre;
    const c = detail.cadre;
    $('detail-title').textContent = c.name + ' · ' + c.rankLabel + ' · ' + c.unit.name + ' · 已结对 ' + c.paired
      + ' 户，剩余 ' + c.quotaLeft + ' 户 / ' + c.paired + ' paired, ' + c.quotaLeft + ' left'
      + (c.active ? '' : ' · 已离任 / Departed: ' + (c.leftReason || ''))
      + (c.liaison ? ' · 单位联络员 / The unit\'s liaison' : '');
    // a liaison answers his unit's inspection findings in Tasklist (ADR 0030); only a serving cadre is named
    $('liaison').textContent = c.liaison ? '取消单位联络员 / Withdraw as the unit\'s liaison'
      : '设为单位联络员 / Name as the unit\'s liaison';
    $('liaison').hidden = !c.active && !c.liaison;
    const body = $('households').tBodies[0];
    body.replaceChildren(...detail.households.map((h) => {
      const tr = O.el('tr');
      const no = O.el('td');
      const link = O.el('a', h.applicationNo);
      link.href = 'pairing.html?applicationNo=' + encodeURIComponent(h.applicationNo);
      no.appendChild(link);
      tr.append(no, O.el('td', h.villageName), O.el('td', h.headName || '—'), O.el('td', STATUS[h.status] || h.status));
      return tr;
    }));
    if (!detail.households.length) {
      const row = O.el('tr');
      const cell = O.el('td', '暂无结对户 / No households paired');
      cell.colSpan = 4;
      row.appendChild(cell);
      body.appendChild(row);
    }
    $('move-form').hidden = !state.manage || !c.active;
    $('edit-cadre').hidden = !c.active;
    $('successor-none').checked = false;
    $('successor-one').checked = true;
    $('moveReason').value = '';
    const others = await O.call('GET', '/api/cadres?' + new URLSearchParams({region: county(), size: '200'}));
    options($('toCadreId'), others.filter((o) => o.id !== c.id && o.active)
      .map((o) => [o.id, o.name + '（' + o.rankLabel + '，剩余 ' + o.quotaLeft + ' 户 / ' + o.quotaLeft + ' left）']),
    '请选择 / Choose');
    $('detail').hidden = false;
    $('detail').scrollIntoView();
  }
  function fillCadreForm(c) {
    state.editing = c ? c.id : null;
    $('cadre-form-title').textContent = c ? '修改帮扶干部 / Correct the cadre' : '新增帮扶干部 / Add a cadre';
    $('name').value = c ? c.name : '';
    $('nameLatin').value = c ? (c.nameLatin || '') : '';
    $('cadreRank').value = c ? c.rank : 'STAFF';
    // his unit may lie above the county (a prefecture's office): not in the county's list, offered all the same
    if (c && !state.units.some((u) => u.id === c.unit.id)) {
      $('unitId').appendChild(Object.assign(O.el('option', c.unit.name + '（' + c.unit.regionName + '）'),
        {value: String(c.unit.id)}));
    }
    $('unitId').value = c ? String(c.unit.id) : '';
    $('phone').value = c ? (c.phone || '') : '';
    $('userId').value = '';
    document.querySelectorAll('.add-only').forEach((e) => { e.hidden = !!c; });
    O.clearProblems();
    $('cadre-form').hidden = false;
    $('name').focus();
  }
  function saveCadre() {
    const unit = $('unitId').value;
    const body = {name: $('name').value, nameLatin: $('nameLatin').value, rank: $('cadreRank').value,
      unitId: unit ? Number(unit) : null, phone: $('phone').value};
    if (state.editing) {
      const id = state.editing;
      return write('PUT', '/api/cadres/' + id, body, '', async () => {
        $('cadre-form').hidden = true;
        await loadCadres();
        await openCadre(id);
      });
    }
    body.countyCode = county();
    body.userId = $('userId').value.trim() || null;
    return write('POST', '/api/cadres', body, '', async (created) => {
      $('cadre-form').hidden = true;
      $('q').value = created.name;
      state.page = 0;
      await loadCadres();
      await openCadre(created.id);
    });
  }
  function move() {
    const c = state.open;
    const action = $('action-reassignment').checked ? 'reassignment' : 'departure';
    const none = $('successor-none').checked;
    O.clearProblems();
    if (none && action === 'reassignment') {
      $('error-toCadreId').textContent = '移交须选定接收人 / A hand-over needs the cadre who takes the households';
      return Promise.resolve();
    }
    if (!none && !$('toCadreId').value) {
      $('error-toCadreId').textContent = '请选择接收人，或选“不移交” / Choose who takes them, or “None”';
      return Promise.resolve();
    }
    const body = {toCadreId: none ? null : Number($('toCadreId').value), reason: $('moveReason').value};
    return write('POST', '/api/cadres/' + c.id + '/' + action, body, '', async (moved) => {
      $('saved').textContent = (action === 'departure' ? '已办理离任 / Departure recorded' : '已移交 / Handed over')
        + '：' + moved.households + ' 户 / households';
      await loadCadres();
      await openCadre(c.id);
    });
  }

  function liaison() {
    const c = state.open;
    return write('PUT', '/api/cadres/' + c.id + '/liaison', {liaison: !c.liaison}, '', async () => {
      await loadCadres();
      await openCadre(c.id);
    });
  }

  // ---- writes: the problem's fields next to theirs (suffix: which form) ----
  async function write(method, path, body, suffix, then) {
    O.clearProblems();
    $('saved').textContent = '';
    let answer;
    try {
      answer = await O.call(method, path, JSON.stringify(body));
    } catch (e) {
      O.showProblem(e.body, e.status, suffix);
      return;
    }
    $('saved').textContent = '已保存 / Saved';
    await then(answer);
  }

  async function load() {
    O.clearProblems();
    document.body.dataset.loaded = 'false';
    $('detail').hidden = true;
    $('cadre-form').hidden = true;
    try {
      const access = await O.call('GET', '/api/cadre-access?' + new URLSearchParams({county: county()}));
      state.manage = access.manage;
      $('link-quotas').hidden = !access.quotas;
      showManage();
      // a township official's picker knows his county only by code: its name from the divisions
      const own = await O.call('GET', '/api/regions/' + county());
      const label = own.nameZh + ' / ' + own.nameEn + ' (' + own.code + ')';
      $('title').textContent = label;
      $('county').selectedOptions[0].textContent = label;
      await loadUnits();
      await loadCadres();
      const regions = await O.call('GET', '/api/regions?' + new URLSearchParams({parent: county()}));
      options($('unitRegion'), [[county(), label]]
        .concat(regions.map((r) => [r.code, r.nameZh + ' / ' + r.nameEn + ' (' + r.code + ')'])));
      $('cadres-view').hidden = false;
      document.body.dataset.loaded = 'true';
    } catch (e) {
      $('cadres-view').hidden = true;
      O.showProblem(e.body, e.status);
    }
  }
  function search() {
    const query = new URLSearchParams({county: county()});
    history.replaceState(null, '', '?' + query);
    state.page = 0;
    document.body.dataset.loaded = 'false';
    O.clearProblems();
    loadCadres().then(() => { document.body.dataset.loaded = 'true'; })
      .catch((e) => O.showProblem(e.body, e.status));
  }

  options($('rank'), RANKS, '全部 / All');
  options($('cadreRank'), RANKS);
  $('picker').addEventListener('submit', (event) => {
    event.preventDefault();
    if (state.loadedCounty !== county()) {
      state.loadedCounty = county();
      history.replaceState(null, '', '?' + new URLSearchParams({county: county()}));
      load();
    } else {
      search();
    }
  });
  $('previous').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); loadCadres(); });
  $('next').addEventListener('click', () => { state.page += 1; loadCadres(); });
  $('add-cadre').addEventListener('click', () => fillCadreForm(null));
  $('edit-cadre').addEventListener('click', () => fillCadreForm(state.open));
  $('liaison').addEventListener('click', () => liaison());
  $('cancel-cadre').addEventListener('click', () => { $('cadre-form').hidden = true; O.clearProblems(); });
  $('cadre-form').addEventListener('submit', (event) => { event.preventDefault(); saveCadre(); });
  $('move-form').addEventListener('submit', (event) => { event.preventDefault(); move(); });
  $('unit-form').addEventListener('submit', (event) => {
    event.preventDefault();
    write('POST', '/api/assisting-units', {name: $('unitName').value, regionCode: $('unitRegion').value}, '-unit',
      async () => { $('unitName').value = ''; await loadUnits(); });
  });
  O.counties($('county'), O.el('select'), params.get('county'))
    .then(() => { state.loadedCounty = county(); return load(); })
    .catch((e) => O.showProblem(e.body, e.status));
}());
