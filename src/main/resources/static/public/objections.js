// What the public pages share: reading a problem detail, and the objection form (notices of households,
// disclosures of projects). Plain script, no login, nothing personal stored in the page.
function problemText(problem) {
  if (problem && problem.errors) {
    return Object.entries(problem.errors).map(([field, rule]) => field + ': ' + rule).join('; ');
  }
  return (problem && (problem.detail || problem.title)) || 'Error';
}

/** Sends the page's objection form (#objectionForm with #reason, #contact, #objectionMessage) to url. */
function wireObjectionForm(url, keyField) {
  const $ = (id) => document.getElementById(id);
  $('objectionForm').addEventListener('submit', async (e) => {
    e.preventDefault();
    const message = $('objectionMessage');
    const objection = {reason: $('reason').value, contact: $('contact').value};
    objection[keyField] = $(keyField).value;
    const response = await fetch(url, {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(objection)
    });
    const body = await response.json();
    message.className = response.ok ? 'ok' : 'error';
    message.textContent = response.ok ? body.message : problemText(body);
    if (response.ok) { $('reason').value = ''; }
  });
}
