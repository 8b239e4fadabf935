// The village exits of a region on notice (贫困村退出公示), with the objection form.
// A file, not an inline script, so the page's Content-Security-Policy can forbid inline scripts; every value
// goes into the page as text (textContent), never as HTML.
const $ = (id) => document.getElementById(id);
const pct = (x) => (Number(x) * 100).toFixed(2) + ' %';
const mark = (ok) => ok ? '✓' : '✗';
async function load(region) {
  $('regionMessage').textContent = '';
  const response = await fetch('/public/village-exits?region=' + encodeURIComponent(region));
  const body = await response.json();
  if (!response.ok) { $('regionMessage').textContent = problemText(body); $('exitSection').hidden = true; return; }
  $('regionName').textContent = body.region;
  const rows = $('exits').querySelector('tbody');
  rows.replaceChildren();
  $('exitNo').replaceChildren();
  for (const v of body.villages) {
    const tr = document.createElement('tr');
    const infra = '通硬化路/road ' + mark(v.roadHardened) + ' 饮水/water ' + mark(v.safeDrinkingWater) + ' 电/power '
      + mark(v.electricity) + ' 宽带/broadband ' + mark(v.broadband) + ' 卫生室/clinic ' + mark(v.clinic);
    for (const value of [v.exitNo, v.village, v.exitYear,
                         v.poorPopulation + ' ÷ ' + v.agriculturalPopulation + ' = ' + pct(v.incidence) + '（< ' + pct(v.maxIncidence) + '）',
                         v.collectiveIncomeYuan.toLocaleString('zh-CN') + ' 元（≥ ' + v.minCollectiveIncomeYuan.toLocaleString('zh-CN') + '）',
                         infra, v.leadingIndustries, new Date(v.noticeEnds).toLocaleString('zh-CN')]) {
      const td = document.createElement('td'); td.textContent = value; tr.appendChild(td);
    }
    rows.appendChild(tr);
    if (v.takesObjections) {
      const option = document.createElement('option');
      option.value = v.exitNo; option.textContent = v.exitNo + ' ' + v.village;
      $('exitNo').appendChild(option);
    }
  }
  $('empty').hidden = body.villages.length > 0;
  $('objectionForm').hidden = $('exitNo').options.length === 0;
  $('exitSection').hidden = false;
}
$('regionForm').addEventListener('submit', (e) => { e.preventDefault(); load($('region').value.trim()); });
wireObjectionForm('/public/village-exit-objections', 'exitNo');
const initial = new URLSearchParams(location.search).get('region');
if (initial) { $('region').value = initial; load(initial); }
