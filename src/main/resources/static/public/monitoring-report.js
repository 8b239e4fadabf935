// The villager's own report (防返贫监测 自主申报): his village from the picker, name, phone, what happened, consent.
// A rule broken shows next to its field (from the problem detail's errors); the phone is never shown back.
(() => {
  const $ = (id) => document.getElementById(id);
  const fields = ['village', 'name', 'phone', 'kind', 'whatHappened', 'consent'];
  wireRegionPicker(() => { $('village-error').textContent = ''; });
  $('reportForm').addEventListener('submit', async (e) => {
    e.preventDefault();
    fields.forEach((field) => { $(field + '-error').textContent = ''; });
    $('reportMessage').textContent = '';
    $('submitReport').disabled = true;
    try {
      const response = await fetch('/public/monitoring-reports', {
        method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({village: $('village').value, name: $('name').value, phone: $('phone').value,
                              kind: $('kind').value, whatHappened: $('whatHappened').value, consent: $('consent').checked})
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        $('reportNo').textContent = body.reportNo;
        $('receiptMessage').textContent = body.message;
        $('reportForm').hidden = true;
        $('receipt').hidden = false;
        $('receipt').scrollIntoView();
        return;
      }
      let shown = false;
      for (const [field, rule] of Object.entries(body.errors || {})) {
        if ($(field + '-error')) { $(field + '-error').textContent = rule; shown = true; }
      }
      $('reportMessage').textContent = shown ? '请按提示修改后再提交 / Please correct the fields marked and submit again'
          : problemText(body);
    } finally {
      $('submitReport').disabled = false;
    }
  });
})();
