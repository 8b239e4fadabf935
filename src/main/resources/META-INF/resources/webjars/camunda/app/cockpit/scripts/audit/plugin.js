// 审计 / Audit: Precision Aid's Cockpit plugin for auditors. Cockpit CE lists only running cases; this page searches
// running and finished cases of the auditor's region through our read-only API (/api/audit, see AuditController),
// shows one case's diagram with the path taken, its timeline (every step: official, time, decision, values),
// the operation log and objections, and exports the trail. It changes nothing. Text goes into the page with
// textContent only: case data never becomes markup.

const BPMN_JS = '/webjars/bpmn-js/8.0.0/dist';

// customScripts bring no stylesheet of their own: ours sits next to this file
document.head.appendChild(Object.assign(document.createElement('link'),
  {rel: 'stylesheet', href: new URL('plugin.css', import.meta.url).href}));

const STATUSES = [['', '全部状态 / Any status'], ['APPLIED', '已申请 / Applied'], ['RETURNED', '退回补正 / Returned'],
  ['ANNOUNCED', '公示中 / Under announcement'], ['REGISTERED', '已建档立卡 / Registered'], ['REJECTED', '未通过 / Rejected']];
const LEVELS = [['', '全部层级 / Any level'], ['APPLICATION', '农户申请 / Application'], ['PRESCREEN', '预审 / Pre-screen'],
  ['GROUP', '小组评议 / Group evaluation'], ['VILLAGE', '村级审核 / Village review'],
  ['TOWNSHIP', '乡镇审核 / Township review'], ['COUNTY', '县级审定 / County review'],
  ['ANNOUNCEMENT', '公示 / Announcement'], ['REGISTRATION', '建档立卡 / Registration']];
const STATES = [['', '全部 / All'], ['running', '办理中 / Running'], ['finished', '已办结 / Finished']];
const KINDS = {
  'started': '开始 / Opened', 'task-created': '任务到达 / Task arrived', 'task-claimed': '认领 / Claimed',
  'task-completed': '办结 / Completed', 'task-ended': '终止 / Ended', 'escalated': '逾期上报 / Escalated',
  'decision': '决定 / Decision', 'ended': '结束 / Closed'
};

function appRoot(api) {
  // the webapps live under <root>/camunda; our API and the webjars under <root>
  const base = (api && api.baseApi) || '/camunda/api/engine';
  return base.split('/camunda/')[0];
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => {
    if (key === 'onclick' || key === 'onsubmit') {
      node[key] = value;
    } else if (value !== undefined && value !== null) {
      node.setAttribute(key, value);
    }
  });
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(child ?? '')));
  return node;
}

function time(value) {
  if (!value) {
    return '';
  }
  return new Date(value).toLocaleString('zh-CN', {timeZone: 'Asia/Shanghai', hour12: false});
}

async function getJson(url) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.detail || body.title || response.statusText);
  }
  return body;
}

function loadViewer(prefix) {
  if (window.BpmnJS) {
    return Promise.resolve(window.BpmnJS);
  }
  ['assets/diagram-js.css', 'assets/bpmn-font/css/bpmn.css'].forEach(css =>
    document.head.appendChild(el('link', {rel: 'stylesheet', href: `${prefix}${BPMN_JS}/${css}`})));
  return new Promise((resolve, reject) => {
    const script = el('script', {src: `${prefix}${BPMN_JS}/bpmn-navigated-viewer.production.min.js`});
    script.onload = () => resolve(window.BpmnJS);
    script.onerror = () => reject(new Error('diagram viewer not available'));
    document.head.appendChild(script);
  });
}

function select(name, options, value) {
  return el('select', {name, class: 'form-control'},
    options.map(([v, label]) => {
      const option = el('option', {value: v}, label);
      option.selected = v === (value || '');
      return option;
    }));
}

function renderSearch(container, prefix, state, openCase) {
  const root = `${prefix}/api/audit`;
  container.replaceChildren();
  const message = el('p', {class: 'pa-audit-message', role: 'status'});
  const results = el('div', {class: 'pa-audit-results'});
  const form = el('form', {class: 'pa-audit-search form-inline', onsubmit: event => {
    event.preventDefault();
    const data = new FormData(form);
    state.query = Object.fromEntries([...data.entries()].filter(([, v]) => v !== ''));
    state.query.page = 0;
    run();
  }},
  el('input', {name: 'q', class: 'form-control', placeholder: '申请编号、项目编号、监测编号或身份证号 / Case, household or ID number',
    value: state.query.q || '', size: 40, 'aria-label': '案件编号 / Case number'}),
  select('state', STATES, state.query.state),
  select('status', STATUSES, state.query.status),
  select('level', LEVELS, state.query.level),
  el('label', {}, '自 / From ', el('input', {type: 'date', name: 'from', class: 'form-control', value: state.query.from || ''})),
  el('label', {}, '至 / To ', el('input', {type: 'date', name: 'to', class: 'form-control', value: state.query.to || ''})),
  el('button', {type: 'submit', class: 'btn btn-primary'}, '搜索 / Search'));
  container.append(el('h2', {}, '审计 / Audit'),
    el('p', {class: 'text-muted'}, '本辖区全部案件，含已办结案件；只读。 / All cases of your region, finished ones included; read only.'),
    form, message, results);

  async function run() {
    message.textContent = '正在查询… / Searching…';
    const params = new URLSearchParams({...state.query, size: 20});
    try {
      const page = await getJson(`${root}/cases?${params}`);
      message.textContent = `共 ${page.total} 件 / ${page.total} case(s)`;
      results.replaceChildren(table(page, openCase), pager(page));
    } catch (error) {
      message.textContent = `查询失败 / Search failed: ${error.message}`;
      results.replaceChildren();
    }
  }

  function pager(page) {
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    const go = delta => () => {
      state.query.page = page.page + delta;
      run();
    };
    return el('div', {class: 'pa-audit-pager'},
      el('button', {class: 'btn btn-default', type: 'button', disabled: page.page <= 0 ? 'disabled' : null, onclick: go(-1)},
        '上一页 / Previous'),
      ` ${page.page + 1} / ${pages} `,
      el('button', {class: 'btn btn-default', type: 'button', disabled: page.page + 1 >= pages ? 'disabled' : null,
        onclick: go(1)}, '下一页 / Next'));
  }

  run();
}

function table(page, openCase) {
  return el('table', {class: 'table table-striped cam-table pa-audit-table'},
    el('thead', {}, el('tr', {},
      ['案件编号 / Number', '流程 / Procedure', '状态 / State', '登记状态 / Registry', '最后层级 / Last level',
        '开始 / Started', '结束 / Ended'].map(h => el('th', {}, h)))),
    el('tbody', {}, page.cases.map(row => el('tr', {},
      el('td', {}, el('a', {href: '', class: 'pa-audit-open', onclick: event => {
        event.preventDefault();
        openCase(row.businessKey);
      }}, row.businessKey)),
      el('td', {}, row.processName || row.processKey),
      el('td', {}, row.state),
      el('td', {}, row.registryStatus || ''),
      el('td', {}, row.lastLevel || ''),
      el('td', {}, time(row.startTime)),
      el('td', {}, time(row.endTime))))));
}

async function renderCase(container, prefix, businessKey, back) {
  const root = `${prefix}/api/audit`;
  container.replaceChildren(el('p', {}, '正在读取… / Loading…'));
  let audited;
  try {
    audited = await getJson(`${root}/cases/${encodeURIComponent(businessKey)}`);
  } catch (error) {
    container.replaceChildren(el('p', {class: 'pa-audit-message'}, `无法打开 / Cannot open ${businessKey}: ${error.message}`),
      el('button', {class: 'btn btn-default', type: 'button', onclick: back}, '返回 / Back'));
    return;
  }
  const diagram = el('div', {class: 'pa-audit-diagram'});
  container.replaceChildren(
    el('button', {class: 'btn btn-default', type: 'button', onclick: back}, '← 返回搜索 / Back to search'),
    el('h2', {class: 'pa-audit-case-title'}, `${audited.businessKey} · ${audited.processName || audited.processKey}`),
    el('dl', {class: 'dl-horizontal pa-audit-facts'},
      el('dt', {}, '状态 / State'), el('dd', {}, `${audited.state}${audited.registryStatus ? ' · ' + audited.registryStatus : ''}`),
      el('dt', {}, '区划 / Region'), el('dd', {}, audited.regionCode || ''),
      el('dt', {}, '开始 / Started'), el('dd', {}, `${time(audited.startTime)} ${audited.startedBy || ''}`),
      el('dt', {}, '结束 / Ended'), el('dd', {}, time(audited.endTime))),
    el('a', {class: 'btn btn-default pa-audit-export', href: `${root}/cases/${encodeURIComponent(businessKey)}/export.xlsx`},
      '导出审计轨迹 (Excel) / Export audit trail'),
    el('h3', {}, '流程图 / Diagram'), diagram,
    el('h3', {}, '办理经过 / Timeline'),
    el('table', {class: 'table cam-table pa-audit-timeline'},
      el('thead', {}, el('tr', {}, ['时间 / Time', '事项 / Event', '步骤 / Step', '办理人 / Official', '内容 / Details']
        .map(h => el('th', {}, h)))),
      el('tbody', {}, audited.timeline.map(event => el('tr', {class: `pa-audit-${event.kind}`},
        el('td', {}, time(event.at)), el('td', {}, KINDS[event.kind] || event.kind), el('td', {}, event.title || ''),
        el('td', {}, event.official || ''),
        el('td', {}, Object.entries(event.details || {}).map(([k, v]) => `${k}: ${v}`).join('；')))))),
    el('h3', {}, '操作日志 / Operation log'),
    el('table', {class: 'table cam-table pa-audit-operations'},
      el('thead', {}, el('tr', {}, ['时间 / Time', '用户 / User', '操作 / Operation', '属性 / Property', '原值 / Old', '新值 / New']
        .map(h => el('th', {}, h)))),
      el('tbody', {}, audited.operations.map(op => el('tr', {},
        el('td', {}, time(op.at)), el('td', {}, op.user || ''), el('td', {}, `${op.operation} ${op.entity || ''}`),
        el('td', {}, op.property || ''), el('td', {}, op.oldValue || ''), el('td', {}, op.newValue || ''))))),
    el('h3', {}, '异议 / Objections'),
    audited.objections.length === 0 ? el('p', {class: 'text-muted'}, '无 / None') :
      el('table', {class: 'table cam-table pa-audit-objections'},
        el('thead', {}, el('tr', {}, ['提出 / Submitted', '理由 / Reason', '联系方式 / Contact', '状态 / Status',
          '核查结论 / Finding', '办理人 / Decided by'].map(h => el('th', {}, h)))),
        el('tbody', {}, audited.objections.map(o => el('tr', {},
          el('td', {}, time(o.submittedAt)), el('td', {}, o.reason || ''), el('td', {}, o.contact || ''),
          el('td', {}, o.status), el('td', {}, o.finding || ''), el('td', {}, `${o.decidedBy || ''} ${time(o.decidedAt)}`))))));

  try {
    const [BpmnJS, xml] = await Promise.all([loadViewer(prefix),
      fetch(`${root}/cases/${encodeURIComponent(businessKey)}/diagram`, {credentials: 'same-origin'}).then(r => r.text())]);
    const viewer = new BpmnJS({container: diagram});
    await viewer.importXML(xml);
    const canvas = viewer.get('canvas');
    canvas.zoom('fit-viewport');
    audited.visitedActivities.forEach(id => { try { canvas.addMarker(id, 'pa-visited'); } catch (e) { /* not drawn */ } });
    audited.currentActivities.forEach(id => { try { canvas.addMarker(id, 'pa-current'); } catch (e) { /* not drawn */ } });
  } catch (error) {
    diagram.replaceChildren(el('p', {class: 'text-muted'}, `流程图不可用 / Diagram unavailable: ${error.message}`));
  }
}

export default [
  {
    id: 'precisionAidAuditRoute',
    pluginPoint: 'cockpit.route',
    properties: {path: '/audit'},
    render: (container, {api}) => {
      const prefix = appRoot(api);
      const state = {query: {}};
      container.classList.add('pa-audit');
      const showSearch = () => renderSearch(container, prefix, state, key => renderCase(container, prefix, key, showSearch));
      showSearch();
    }
  },
  {
    id: 'precisionAidAuditNavigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    properties: {path: '/audit'},
    label: '审计 / Audit',
    render: container => {
      container.replaceChildren(el('a', {href: '#/audit', class: 'pa-audit-nav'}, '审计 / Audit'));
    }
  }
];
