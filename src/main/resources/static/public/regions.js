// The county → township → village picker of the public pages, from /public/regions (division names are public).
// Plain script, no login; every name goes into the page as text.
/**
 * Fills the selects #county, #township and #village; calls onVillage(code) when a village is chosen (or '' when the
 * choice is undone). A village code in the address (?village=) is preselected.
 */
async function wireRegionPicker(onVillage) {
  const $ = (id) => document.getElementById(id);
  const placeholder = (select, text) => {
    const option = document.createElement('option');
    option.value = ''; option.textContent = text;
    select.replaceChildren(option);
  };
  const fill = async (select, parent, text) => {
    placeholder(select, text);
    select.disabled = true;
    if (!parent) { return; }
    const response = await fetch('/public/regions?parent=' + encodeURIComponent(parent));
    if (!response.ok) { return; }
    for (const region of await response.json()) {
      const option = document.createElement('option');
      option.value = region.code; option.textContent = region.nameZh + ' / ' + region.nameEn;
      select.appendChild(option);
    }
    select.disabled = false;
  };
  const pickTownship = '请选择乡镇 / Choose the township';
  const pickVillage = '请选择村 / Choose the village';
  placeholder($('county'), '请选择县（市） / Choose the county');
  const response = await fetch('/public/regions');
  if (response.ok) {
    for (const county of await response.json()) {
      const option = document.createElement('option');
      option.value = county.code; option.textContent = county.nameZh + ' / ' + county.nameEn;
      $('county').appendChild(option);
    }
  }
  await fill($('township'), '', pickTownship);
  await fill($('village'), '', pickVillage);
  $('county').addEventListener('change', async () => {
    await fill($('township'), $('county').value, pickTownship);
    await fill($('village'), '', pickVillage);
    onVillage('');
  });
  $('township').addEventListener('change', async () => {
    await fill($('village'), $('township').value, pickVillage);
    onVillage('');
  });
  $('village').addEventListener('change', () => onVillage($('village').value));
  const initial = new URLSearchParams(location.search).get('village');
  if (initial && /^[0-9]{12}$/.test(initial)) {
    $('county').value = initial.substring(0, 6) + '000000';
    await fill($('township'), $('county').value, pickTownship);
    $('township').value = initial.substring(0, 9) + '000';
    await fill($('village'), $('township').value, pickVillage);
    $('village').value = initial;
    if ($('village').value === initial) { onVillage(initial); }
  }
}
