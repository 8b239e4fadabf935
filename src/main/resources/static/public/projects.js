// The project disclosure of a region (项目资金公示): funds, stage and beneficiaries per project, the objection form.
// A file, not an inline script, so the page's Content-Security-Policy can forbid inline scripts; every value
// goes into the page as text (textContent), never as HTML.
const $ = (id) => document.getElementById(id);
const yuan = (v) => Number(v).toLocaleString('zh-CN', {minimumFractionDigits: 2, maximumFractionDigits: 2});
function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) { e.textContent = text; }
  if (cls) { e.className = cls; }
  return e;
}
function table(headers, rows, numeric) {
  const t = el('table');
  const head = el('tr');
  headers.forEach((h, i) => head.appendChild(el('th', h, numeric.includes(i) ? 'num' : '')));
  t.appendChild(el('thead')).appendChild(head);
  const body = t.appendChild(el('tbody'));
  for (const row of rows) {
    const tr = el('tr');
    row.forEach((v, i) => tr.appendChild(el('td', v, numeric.includes(i) ? 'num' : '')));
    body.appendChild(tr);
  }
  return t;
}
async function load(region) {
  $('regionMessage').textContent = '';
  const response = await fetch('/public/projects?region=' + encodeURIComponent(region));
  const body = await response.json();
  if (!response.ok) { $('regionMessage').textContent = problemText(body); $('projectSection').hidden = true; return; }
  $('regionName').textContent = body.region;
  $('printLink').href = 'projects.pdf?region=' + encodeURIComponent(body.regionCode);
  const list = $('projects');
  list.replaceChildren();
  $('projectNo').replaceChildren();
  for (const p of body.projects) {
    const box = el('article', undefined, 'project');
    box.dataset.projectNo = p.projectNo;
    box.appendChild(el('h3', p.projectNo + ' · ' + p.name));
    const facts = el('p');
    facts.appendChild(el('span', p.stageLabel, 'stage'));
    facts.appendChild(document.createTextNode(' ' + p.type + ' · ' + p.region + ' · 实施单位 / Implementing unit: '
        + p.implementingUnit + ' · 进度 / Progress: ' + p.progressPercent + ' %'));
    box.appendChild(facts);
    box.appendChild(el('p', '产出 / Outputs: ' + p.outputs.join('；')));
    const rows = p.funds.map(f => [f.fundSourceLabel, yuan(f.budget), yuan(f.allocated), yuan(f.disbursed)]);
    rows.push(['合计 / Total', yuan(p.total), yuan(p.allocated), yuan(p.disbursed)]);
    box.appendChild(table(['资金来源 / Fund source', '预算（元） / Budget (yuan)', '已下达 / Allocated', '已拨付 / Disbursed'],
        rows, [1, 2, 3]));
    box.appendChild(table(['村 / Village', '受益户数 / Households', '户主 / Heads of household'],
        p.beneficiaries.map(v => [v.village, String(v.households), v.heads.join('、')]), [1]));
    if (p.takesObjections) {
      box.appendChild(el('p', '公示截止 / Disclosure ends: ' + new Date(p.disclosureEnds).toLocaleString('zh-CN'), 'hint'));
      const option = el('option', p.projectNo + ' ' + p.name);
      option.value = p.projectNo;
      $('projectNo').appendChild(option);
    }
    list.appendChild(box);
  }
  $('empty').hidden = body.projects.length > 0;
  $('objectionSection').hidden = $('projectNo').options.length === 0;
  $('projectSection').hidden = false;
}
$('regionForm').addEventListener('submit', (e) => { e.preventDefault(); load($('region').value.trim()); });
wireObjectionForm('/public/project-objections', 'projectNo');
const initial = new URLSearchParams(location.search).get('region');
if (initial) { $('region').value = initial; load(initial); }
