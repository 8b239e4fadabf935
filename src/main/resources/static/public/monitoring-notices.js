// The village's monitoring notice (防返贫监测公示): households proposed to enter monitoring or to leave it, and the
// objection form. Every value goes into the page as text.
(() => {
  const $ = (id) => document.getElementById(id);
  const categories = {UNSTABLE: '脱贫不稳定户 / Unstable exited', MARGINAL: '边缘易致贫户 / Marginal',
                      SUDDEN_HARDSHIP: '突发严重困难户 / Sudden hardship'};
  async function load(village) {
    $('villageMessage').textContent = '';
    if (!village) { $('noticeSection').hidden = true; return; }
    const response = await fetch('/public/monitoring-notices?village=' + encodeURIComponent(village));
    const body = await response.json().catch(() => ({}));
    if (!response.ok) { $('villageMessage').textContent = problemText(body); $('noticeSection').hidden = true; return; }
    const rows = $('notices').querySelector('tbody');
    rows.replaceChildren();
    $('caseNo').replaceChildren();
    for (const n of body) {
      const tr = document.createElement('tr');
      for (const value of [n.kind === 'RISK_ELIMINATION' ? '拟风险消除 / Risk elimination' : '拟纳入监测 / Monitoring',
                           n.caseNo, n.headName, n.villageGroup || '', categories[n.category] || n.category || '',
                           new Date(n.noticeEnds).toLocaleString('zh-CN')]) {
        const td = document.createElement('td'); td.textContent = value; tr.appendChild(td);
      }
      rows.appendChild(tr);
      const option = document.createElement('option');
      option.value = n.caseNo; option.textContent = n.caseNo + ' ' + n.headName;
      $('caseNo').appendChild(option);
    }
    $('empty').hidden = body.length > 0;
    $('objectionForm').hidden = body.length === 0;
    $('noticeSection').hidden = false;
  }
  wireObjectionForm('/public/monitoring-objections', 'caseNo');
  wireRegionPicker(load);
})();
