// The household notice of a village (贫困户识别公示): the list on notice, the exited households, the objection form.
// A file, not an inline script, so the page's Content-Security-Policy can forbid inline scripts; every value
// goes into the page as text (textContent), never as HTML.
const $ = (id) => document.getElementById(id);
async function load(village) {
  $('villageMessage').textContent = '';
  const response = await fetch('/public/notices?village=' + encodeURIComponent(village));
  const body = await response.json();
  if (!response.ok) { $('villageMessage').textContent = problemText(body); $('noticeSection').hidden = true; return; }
  $('villageName').textContent = body.village;
  $('printLink').href = 'notices.pdf?village=' + encodeURIComponent(body.villageCode);
  const rows = $('notices').querySelector('tbody');
  rows.replaceChildren();
  $('applicationNo').replaceChildren();
  for (const n of body.households) {
    const tr = document.createElement('tr');
    const period = (n.noticeStarts ? new Date(n.noticeStarts).toLocaleDateString('zh-CN') + ' 至 ' : '至 ')
        + new Date(n.noticeEnds).toLocaleString('zh-CN');
    for (const value of [n.kind === 'EXIT' ? '拟脱贫退出 / Proposed exit' : '贫困户识别 / Identification',
                         n.applicationNo, n.headName, n.headIdNumber, n.members, n.villageGroup, period]) {
      const td = document.createElement('td'); td.textContent = value; tr.appendChild(td);
    }
    rows.appendChild(tr);
    const option = document.createElement('option');
    option.value = n.applicationNo; option.textContent = n.applicationNo + ' ' + n.headName;
    $('applicationNo').appendChild(option);
  }
  const exitedRows = $('exited').querySelector('tbody');
  exitedRows.replaceChildren();
  for (const n of body.exited) {
    const tr = document.createElement('tr');
    for (const value of [n.applicationNo, n.headName, n.headIdNumber, n.members, n.villageGroup]) {
      const td = document.createElement('td'); td.textContent = value; tr.appendChild(td);
    }
    exitedRows.appendChild(tr);
  }
  $('exitedSection').hidden = body.exited.length === 0;
  $('empty').hidden = body.households.length > 0;
  $('objectionForm').hidden = body.households.length === 0;
  $('noticeSection').hidden = false;
}
$('villageForm').addEventListener('submit', (e) => { e.preventDefault(); load($('village').value.trim()); });
wireObjectionForm('/public/objections', 'applicationNo');
const initial = new URLSearchParams(location.search).get('village');
if (initial) { $('village').value = initial; load(initial); }
