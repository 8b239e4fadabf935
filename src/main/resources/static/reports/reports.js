// The report page: picks region and year, shows the report's tables (and its map), links the Excel file and the PDF, prints.
// Data from /api/reports (the caller's login to the Camunda webapps, or HTTP Basic). Chinese first in every label.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const name = params.get('name') || 'distribution';
  const STAGE_COLOURS = {
    APPLIED: '#9e9e9e', RETURNED: '#bdbdbd', APPROVED: '#42a5f5', DISCLOSED: '#7e57c2', FUNDED: '#26a69a',
    IMPLEMENTING: '#ffa726', ACCEPTED: '#66bb6a', CLOSED: '#2e7d32'
  };
  const STAGE_LABELS = {
    APPLIED: '申报审核中 / Under review', RETURNED: '退回补正 / Returned', APPROVED: '已批准 / Approved',
    DISCLOSED: '公示中 / Under disclosure', FUNDED: '资金已下达 / Funds allocated', IMPLEMENTING: '实施中 / Being implemented',
    ACCEPTED: '已验收 / Accepted', CLOSED: '已完成 / Completed'
  };
  const CATEGORY_SYMBOLS = {INDUSTRIAL: 'circle', INFRASTRUCTURE: 'rect', PUBLIC_SERVICES: 'triangle'};

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  // Tooltip content as DOM nodes, one line per argument, each set as text: ECharts parses a formatter's string as
  // markup, and a project's name is whatever an official typed (stored XSS, issue #20). So no formatter of ours
  // returns a string; ECharts appends the returned element as it is. Labels on the map are SVG text, never HTML.
  function textLines(...lines) {
    const box = document.createElement('div');
    lines.forEach((line, i) => {
      if (i > 0) { box.appendChild(document.createElement('br')); }
      box.appendChild(document.createTextNode(line === null || line === undefined ? '' : String(line)));
    });
    return box;
  }
  window.paReports = {textLines: textLines};
  function problemText(body) {
    if (!body) { return '出错了 / Something went wrong'; }
    const errors = body.errors ? Object.entries(body.errors).map(([k, v]) => k + ': ' + v).join('; ') : body.detail;
    return (body.title || '') + (errors ? ' — ' + errors : '');
  }
  function format(value, kind) {
    if (value === null || value === undefined || value === '') { return '—'; }
    switch (kind) {
      case 'integer': return Number(value).toLocaleString('zh-CN');
      case 'yuan': return Number(value).toLocaleString('zh-CN', {minimumFractionDigits: 2, maximumFractionDigits: 2});
      case 'percent': return (Number(value) * 100).toFixed(2) + '%';
      case 'year': return String(value);
      default: return String(value);
    }
  }
  function levelOf(row) {
    const code = row.code || '';
    if (!code) { return ''; }
    if (code.endsWith('00000000')) { return 'CITY'; }
    if (code.endsWith('000000')) { return 'COUNTY'; }
    if (code.endsWith('000')) { return 'TOWNSHIP'; }
    return 'VILLAGE';
  }
  function renderTable(table) {
    const section = el('section');
    section.appendChild(el('h3', table.title));
    const wrap = el('div', null, 'wide');
    const t = el('table', null, 'report');
    t.dataset.table = table.key;
    const head = el('tr');
    table.columns.forEach((c) => head.appendChild(el('th', c.label, c.kind === 'text' ? '' : 'num')));
    t.appendChild(el('thead')).appendChild(head);
    const body = t.appendChild(el('tbody'));
    table.rows.forEach((row) => {
      const tr = el('tr', null, 'level-' + levelOf(row));
      table.columns.forEach((c) => {
        const td = el('td', format(row[c.key], c.kind), c.kind === 'text' ? '' : 'num');
        td.dataset.key = c.key;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    if (table.rows.length === 0) {
      const tr = el('tr');
      const td = el('td', '没有数据 / No data');
      td.colSpan = table.columns.length;
      tr.appendChild(td);
      body.appendChild(tr);
    }
    wrap.appendChild(t);
    section.appendChild(wrap);
    return section;
  }

  async function drawMap(report) {
    const map = report.map;
    $('mapSection').hidden = false;
    const geo = await (await fetch(map.geo, {credentials: 'same-origin'})).json();
    const names = {};
    geo.features.forEach((f) => { names[f.properties.code] = f.properties.name; });
    geo.features = geo.features.filter((f) => map.counties.includes(f.properties.code));
    echarts.registerMap('pa-region', geo);
    const chart = echarts.init($('map'), null, {renderer: 'svg'});
    const townships = {
      name: '乡镇 / Townships', type: 'scatter', coordinateSystem: 'geo', symbol: 'diamond', symbolSize: 9,
      itemStyle: {color: '#455a64'}, label: {show: true, position: 'right', fontSize: 11, formatter: (p) => p.data.label},
      data: map.townships.map((t) => ({name: t.code, label: t.name.split(' / ')[0], value: [t.longitude, t.latitude]})),
      tooltip: {formatter: (p) => textLines(p.data.label)}
    };
    const option = {
      tooltip: {trigger: 'item'},
      geo: {
        map: 'pa-region', nameProperty: 'code', roam: true,
        label: {show: true, formatter: (p) => names[p.name] || p.name, color: '#333'},
        itemStyle: {areaColor: '#f5f5f5', borderColor: '#777'},
        emphasis: {label: {show: true}, itemStyle: {areaColor: '#ffe0b2'}}
      },
      series: [townships]
    };
    const legend = $('legend');
    legend.textContent = '';
    if (report.name === 'projects-map') {
      const byCategory = {};
      map.projects.filter((p) => p.latitude != null).forEach((p) => {
        (byCategory[p.category] = byCategory[p.category] || {label: p.categoryLabel, data: []}).data.push({
          name: p.projectNo, value: [Number(p.longitude), Number(p.latitude)], project: p,
          itemStyle: {color: STAGE_COLOURS[p.status] || '#000'}
        });
      });
      Object.entries(byCategory).forEach(([category, entry]) => option.series.push({
        name: entry.label, type: 'scatter', coordinateSystem: 'geo', symbol: CATEGORY_SYMBOLS[category] || 'pin',
        symbolSize: 14, data: entry.data,
        tooltip: {formatter: (p) => textLines(p.data.project.name, p.data.project.type, p.data.project.stage)}
      }));
      option.legend = {data: Object.values(byCategory).map((e) => e.label), top: 8, left: 8};
      Object.entries(STAGE_LABELS).forEach(([stage, label]) => {
        const item = el('span');
        const swatch = el('span', null, 'swatch');
        swatch.style.background = STAGE_COLOURS[stage];
        item.appendChild(swatch);
        item.appendChild(document.createTextNode(label));
        legend.appendChild(item);
      });
      legend.appendChild(el('span', '● 产业 / Industrial  ■ 基础设施 / Infrastructure  ▲ 公共服务 / Public services'));
    } else {
      const hasIncidence = map.areas.some((a) => a.row.incidence != null);
      const key = hasIncidence ? 'incidence' : 'poorPeople';
      const values = map.areas.map((a) => ({name: a.county, value: a.row[key] == null ? null
        : (hasIncidence ? Number(a.row[key]) * 100 : Number(a.row[key])), row: a.row}));
      const max = Math.max(1, ...values.map((v) => v.value || 0));
      option.series.unshift({
        name: hasIncidence ? '贫困发生率 / Incidence' : '贫困人口 / Poor people', type: 'map', geoIndex: 0, data: values,
        tooltip: {formatter: (p) => p.data ? textLines(p.data.row.name, hasIncidence
          ? '贫困发生率 / Incidence: ' + format(p.data.row.incidence, 'percent')
          : '贫困人口 / Poor people: ' + format(p.data.row.poorPeople, 'integer')) : textLines(names[p.name] || p.name)}
      });
      option.visualMap = {min: 0, max: max, left: 8, bottom: 8, calculable: true, seriesIndex: 0,
        text: [hasIncidence ? '高 / high (%)' : '多 / more', hasIncidence ? '低 / low' : '少 / fewer'],
        inRange: {color: ['#fff3e0', '#ff9800', '#b71c1c']}};
      const figures = {};
      map.townshipFigures.forEach((t) => { figures[t.code] = t; });
      townships.data.forEach((d) => {
        const f = figures[d.name];
        if (f) {
          d.label = d.label + ' ' + (hasIncidence && f.incidence != null ? format(f.incidence, 'percent')
            : format(f.poorPeople, 'integer') + '人');
        }
      });
      legend.appendChild(el('span', hasIncidence ? '县按贫困发生率着色，乡镇标注发生率 / Counties shaded by incidence, townships labelled'
        : '暂无农业人口数据：按贫困人口着色 / No agricultural population yet: shaded by poor people'));
    }
    chart.setOption(option);
    window.addEventListener('resize', () => chart.resize());
    window.paMapReady = true;
  }

  async function load() {
    const query = new URLSearchParams();
    ['region', 'year', 'page'].forEach((k) => { if (params.get(k)) { query.set(k, params.get(k)); } });
    if (name === 'guide' && !params.get('size')) { query.set('size', '50'); }
    const response = await fetch('/api/reports/' + encodeURIComponent(name) + '?' + query, {credentials: 'same-origin'});
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      $('message').textContent = problemText(body);
      return null;
    }
    return body;
  }

  async function start() {
    const index = await (await fetch('/api/reports', {credentials: 'same-origin'})).json();
    const nav = $('nav');
    index.reports.forEach((r) => {
      const a = el('a', r.title.split(' / ')[0], r.name === name ? 'current' : '');
      a.href = 'report.html?name=' + r.name + (params.get('region') ? '&region=' + params.get('region') : '')
        + (params.get('year') ? '&year=' + params.get('year') : '');
      a.title = r.title;
      a.id = 'nav-' + r.name;
      nav.appendChild(a);
    });
    const regionSelect = $('region');
    index.regions.forEach((r) => {
      const indent = {PROVINCE: '', CITY: '', COUNTY: '', TOWNSHIP: '\u00a0\u00a0', VILLAGE: '\u00a0\u00a0\u00a0\u00a0'}[r.level] || '';
      const option = el('option', indent + r.name + ' (' + r.code + ')');
      option.value = r.code;
      regionSelect.appendChild(option);
    });
    const yearSelect = $('year');
    for (let y = index.thisYear + 3; y >= index.thisYear - 6; y--) {
      const option = el('option', String(y));
      option.value = String(y);
      yearSelect.appendChild(option);
    }
    const report = await load();
    if (!report) { return; }
    regionSelect.value = report.region.code;
    yearSelect.value = String(report.year);
    document.title = report.title + ' · ' + report.region.nameZh + ' ' + report.year;
    $('title').textContent = report.title;
    $('meta').textContent = report.region.nameZh + ' / ' + report.region.nameEn + ' (' + report.region.code + ') · '
      + report.year + ' 年度 / year · 生成于 / generated ' + new Date(report.generatedAt).toLocaleString('zh-CN');
    $('xlsx').href = '/api/reports/' + name + '.xlsx?region=' + report.region.code + '&year=' + report.year;
    $('pdf').href = '/api/reports/' + name + '.pdf?region=' + report.region.code + '&year=' + report.year;
    const tables = $('tables');
    report.tables.forEach((t) => tables.appendChild(renderTable(t)));
    report.notes.forEach((n) => $('notes').appendChild(el('li', n)));
    $('report').hidden = false;
    if (report.page) {
      const pages = Math.max(1, Math.ceil(report.page.total / report.page.size));
      $('pager').hidden = false;
      $('pageInfo').textContent = '第 ' + (report.page.page + 1) + ' / ' + pages + ' 页，共 ' + report.page.total
        + ' 户 / page ' + (report.page.page + 1) + ' of ' + pages + ', ' + report.page.total + ' households';
      const go = (page) => {
        params.set('page', String(page));
        params.set('region', report.region.code);
        params.set('year', String(report.year));
        location.search = params.toString();
      };
      $('prev').disabled = report.page.page === 0;
      $('next').disabled = report.page.page + 1 >= pages;
      $('prev').onclick = () => go(report.page.page - 1);
      $('next').onclick = () => go(report.page.page + 1);
    }
    if (report.map) {
      await drawMap(report);
    }
    document.body.dataset.loaded = 'true';
  }

  $('picker').addEventListener('submit', (event) => {
    event.preventDefault();
    location.search = new URLSearchParams({name: name, region: $('region').value, year: $('year').value}).toString();
  });
  $('print').addEventListener('click', () => window.print());
  start().catch((e) => { $('message').textContent = '出错了 / Something went wrong: ' + e.message; });
})();
