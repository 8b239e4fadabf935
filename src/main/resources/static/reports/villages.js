// Village files (村档): the villages of a region (GET /api/villages?region=) and one village's file with the verdict of
// the deployed village-exit DMN on its current data (GET /api/villages/{code}/file, exitCheck). The village's clerk or
// committee edits it (PUT, the server says who may: canEdit); the verdict shown is always the server's, never
// computed here. Every value is set as text.
(function () {
  'use strict';
  const O = window.Office;
  const $ = O.$;
  const el = O.el;
  const params = new URLSearchParams(location.search);
  const count = (n) => Number(n).toLocaleString('zh-CN');
  const percent = (share) => (Number(share) * 100).toLocaleString('zh-CN', {maximumFractionDigits: 2}) + ' %';
  const YES = '是 / Yes';
  const NO = '否 / No';

  // kind: int (whole number), year (a whole number shown without separators), decimal, bool, text (one line), long
  // (several lines)
  const FIELDS = [
    ['households', '户数 / Households', 'int'],
    ['population', '总人口 / Population', 'int'],
    ['agriculturalPopulation', '农业人口 / Agricultural population', 'int'],
    ['areaKm2', '面积（平方公里） / Area (km²)', 'decimal'],
    ['cultivatedLandMu', '耕地（亩） / Cultivated land (mu)', 'decimal'],
    ['roadHardened', '通硬化路 / Hardened road to the village', 'bool'],
    ['busService', '通客车 / Bus service', 'bool'],
    ['safeDrinkingWater', '饮水安全 / Safe drinking water', 'bool'],
    ['electricity', '通生产生活用电 / Electricity', 'bool'],
    ['broadband', '通宽带 / Broadband', 'bool'],
    ['clinic', '标准化村卫生室 / Village clinic', 'bool'],
    ['culturalRoom', '村文化室 / Cultural room', 'bool'],
    ['leadingIndustries', '主导产业 / Leading industries', 'text'],
    ['collectiveIncomeYuan', '村集体经济收入（元） / Collective income (yuan)', 'int'],
    ['collectiveIncomeYear', '收入所属年度 / Year of that income', 'year'],
    ['perCapitaIncomeYuan', '农民人均纯收入（元） / Per-capita net income (yuan)', 'int'],
    ['mainConstraints', '主要制约因素 / Main constraints', 'long'],
    ['urgentNeeds', '急需解决的问题 / Urgent needs', 'long'],
    ['plannedExitYear', '计划退出年度 / Planned exit year', 'year']
  ];
  const NUMBER = /^-?\d+(\.\d+)?$/;
  let current = null; // the file as read (its version goes back with a save)

  function regions(index) {
    const options = index.regions.filter((r) => r.level !== 'VILLAGE');
    const list = options.length ? options : index.regions; // a clerk or committee reads his village alone
    const wanted = params.get('region') || (params.get('village') && !options.length ? params.get('village') : null);
    $('region').replaceChildren(...list.map((r) => {
      const option = el('option', r.name + ' (' + r.code + ')');
      option.value = r.code;
      option.selected = r.code === wanted;
      return option;
    }));
  }
  async function loadList() {
    O.clearProblems();
    const rows = await O.call('GET', '/api/villages?' + new URLSearchParams({region: $('region').value}));
    $('list-title').textContent = $('region').selectedOptions[0].textContent;
    $('villages').tBodies[0].replaceChildren(...rows.map((row) => {
      const tr = el('tr');
      tr.dataset.village = row.villageCode;
      const name = el('td');
      const link = el('a', row.village + ' (' + row.villageCode + ')');
      link.id = 'open-' + row.villageCode;
      link.href = '?' + new URLSearchParams({region: $('region').value, village: row.villageCode});
      link.addEventListener('click', (event) => {
        event.preventDefault();
        history.replaceState(null, '', link.href);
        loadFile(row.villageCode).then(() => $('file-view').scrollIntoView());
      });
      name.appendChild(link);
      tr.appendChild(name);
      tr.appendChild(el('td', row.hasFile ? '已建 / Kept' : (row.canEdit ? '待建 / To be entered' : '无 / None')));
      tr.appendChild(el('td', count(row.poorPopulation), 'num'));
      tr.appendChild(el('td', row.agriculturalPopulation == null ? '—' : count(row.agriculturalPopulation), 'num'));
      tr.appendChild(el('td', row.incidence == null ? '—' : percent(row.incidence), 'num'));
      tr.appendChild(el('td', row.collectiveIncomeYuan == null ? '—' : count(row.collectiveIncomeYuan), 'num'));
      tr.appendChild(el('td', row.exitYear == null ? '—' : String(row.exitYear), 'num'));
      return tr;
    }));
    $('list-view').hidden = false;
    return rows;
  }
  function shown(value, kind) {
    if (value === null || value === undefined || value === '') { return '—'; }
    if (kind === 'bool') { return value ? YES : NO; }
    if (kind === 'int' || kind === 'decimal') { return Number(value).toLocaleString('zh-CN'); }
    if (kind === 'year') { return String(value); }
    return String(value);
  }
  function readOnly(file) {
    $('data').tBodies[0].replaceChildren(...FIELDS.map(([key, label, kind]) => {
      const tr = el('tr');
      tr.appendChild(el('th', label));
      const td = el('td', shown(file[key], kind), kind === 'text' || kind === 'long' || kind === 'bool' ? null : 'num');
      td.id = 'value-' + key;
      tr.appendChild(td);
      return tr;
    }));
  }
  function form(file) {
    $('fields').replaceChildren(...FIELDS.map(([key, label, kind]) => {
      const wrap = el('label', null, kind === 'bool' ? 'check' : null);
      wrap.htmlFor = key;
      let input;
      if (kind === 'long') {
        input = el('textarea');
        input.rows = 2;
      } else {
        input = el('input');
        input.type = kind === 'bool' ? 'checkbox' : 'text';
        if (kind === 'int' || kind === 'year' || kind === 'decimal') {
          input.inputMode = kind === 'decimal' ? 'decimal' : 'numeric';
        }
      }
      input.id = key;
      input.name = key;
      input.autocomplete = 'off';
      const value = file ? file[key] : null;
      if (kind === 'bool') { input.checked = value === true; } else { input.value = value === null || value === undefined ? '' : String(value); }
      const error = el('span', null, 'field-error error');
      error.id = 'error-' + key;
      if (kind === 'bool') { wrap.append(input, el('span', label), error); } else { wrap.append(el('span', label), input, error); }
      return wrap;
    }));
  }
  // Numbers go as typed so the server checks every digit; what is not a number goes as text and the server names it.
  function body() {
    const parts = FIELDS.map(([key, , kind]) => {
      const input = $(key);
      let value;
      if (kind === 'bool') {
        value = input.checked ? 'true' : 'false';
      } else if (kind === 'int' || kind === 'year' || kind === 'decimal') {
        const text = input.value.trim();
        value = text === '' ? 'null' : (NUMBER.test(text) ? text : JSON.stringify(text));
      } else {
        value = JSON.stringify(input.value);
      }
      return JSON.stringify(key) + ': ' + value;
    });
    if (current) { parts.push('"version": ' + Number(current.version)); }
    return '{' + parts.join(', ') + '}';
  }
  function verdict(check) {
    const line = $('verdict');
    line.textContent = check.eligible ? '✔ 符合退出条件 / Meets every exit condition'
      : '✘ 暂不符合退出条件 / Does not meet the exit conditions yet';
    line.className = 'verdict-line ' + (check.eligible ? 'ok' : 'no');
    $('poorPopulation').textContent = count(check.poorPopulation);
    $('incidence').textContent = percent(check.incidence);
    $('maxIncidence').textContent = percent(check.maxIncidence);
    $('collectiveIncome').textContent = count(check.collectiveIncomeYuan);
    $('minCollectiveIncome').textContent = count(check.minCollectiveIncomeYuan);
    $('shortfalls').replaceChildren(...check.shortfalls.map((s) => {
      const li = el('li', s.reason, 'error');
      li.dataset.criterion = s.criterion;
      return li;
    }));
    $('threshold-source').textContent = '依据 / Source: ' + (check.thresholdSource || '—');
  }
  function render(file, village, canEdit) {
    current = file;
    $('title').textContent = (file ? file.village : village.village) + ' (' + (file ? file.villageCode : village.villageCode) + ')';
    $('data').hidden = canEdit || !file;
    $('edit').hidden = !canEdit;
    if (file) { readOnly(file); }
    if (canEdit) { form(file); }
    $('verdict-panel').hidden = !file;
    if (file) {
      verdict(file.exitCheck);
      $('exits').replaceChildren(...(file.exits.length ? file.exits.map((x) => el('li', x.exitNo + ' · ' + x.exitYear
        + ' · ' + x.statusLabel)) : [el('li', '无 / None')]));
      $('changed').textContent = file.updatedBy ? '最后修改 / Last changed: ' + file.updatedBy + ' · '
        + new Date(file.updatedAt).toLocaleString('zh-CN') : '';
    } else {
      $('changed').textContent = canEdit ? '尚无村档，请填写 / No file yet: enter it'
        : '尚无村档 / No village file yet';
    }
    $('file-view').hidden = false;
  }
  async function loadFile(code) {
    O.clearProblems();
    $('saved').textContent = '';
    document.body.dataset.loaded = 'false';
    try {
      const file = await O.call('GET', '/api/villages/' + encodeURIComponent(code) + '/file');
      render(file, null, file.canEdit);
    } catch (e) {
      if (e.status === 404 && e.body && e.body.type && String(e.body.type).endsWith('no-village-file')) {
        const row = (await O.call('GET', '/api/villages?' + new URLSearchParams({region: code})))[0];
        render(null, row, row.canEdit);
      } else {
        $('file-view').hidden = true;
        O.showProblem(e.body, e.status);
      }
    }
    document.body.dataset.loaded = 'true';
  }
  async function save() {
    O.clearProblems();
    $('saved').textContent = '';
    const code = current ? current.villageCode : new URLSearchParams(location.search).get('village');
    try {
      const file = await O.call('PUT', '/api/villages/' + encodeURIComponent(code) + '/file', body());
      render(file, null, file.canEdit);
      $('saved').textContent = '已保存 / Saved';
      await loadList();
    } catch (e) {
      O.showProblem(e.body, e.status);
    }
  }
  $('picker').addEventListener('submit', (event) => {
    event.preventDefault();
    history.replaceState(null, '', '?' + new URLSearchParams({region: $('region').value}));
    $('file-view').hidden = true;
    document.body.dataset.loaded = 'false';
    loadList().then(() => { document.body.dataset.loaded = 'true'; }).catch((e) => O.showProblem(e.body, e.status));
  });
  $('edit').addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
  O.call('GET', '/api/reports')
    .then((index) => {
      regions(index);
      return loadList();
    })
    .then((rows) => {
      const village = params.get('village') || (rows.length === 1 ? rows[0].villageCode : null);
      if (village) { return loadFile(village); }
      document.body.dataset.loaded = 'true';
      return null;
    })
    .catch((e) => O.showProblem(e.body, e.status));
}());
