// The county office loads a department's list (POST /api/crosscheck/snapshots, multipart with the session's token)
// and sees the lists loaded (GET /api/crosscheck/snapshots). Every value is set as text; a refused file lists each
// bad row with its column next to the form, a refused field its rule next to the field.
(function () {
  'use strict';
  const O = window.Office;
  const $ = O.$;
  let kinds = [];

  function showCategories() {
    const kind = kinds.find((k) => k.kind === $('kind').value);
    const names = kind ? Object.values(kind.categories) : [];
    $('categories').textContent = kind ? '类别 / Categories: ' + (names.length ? names.join('，') : '（不填 / none)')
      + ' · 金额或面积 / Amount: ' + kind.amount : '';
  }
  async function loadSnapshots() {
    const rows = await O.call('GET', '/api/crosscheck/snapshots');
    $('snapshots').tBodies[0].replaceChildren(...rows.map((s) => {
      const tr = document.createElement('tr');
      [s.kindLabel + ' · ' + s.county, s.department, s.asOf, s.rows, s.uploadedBy + ' · '
        + new Date(s.uploadedAt).toLocaleString('zh-CN'), s.current ? '是 / yes' : '已替换 / replaced']
        .forEach((value) => tr.appendChild(O.el('td', value)));
      return tr;
    }));
  }
  async function send() {
    O.clearProblems();
    $('row-errors').replaceChildren();
    $('result').textContent = '';
    const data = new FormData();
    if ($('file').files.length) { data.append('file', $('file').files[0]); } else { data.append('file', new Blob([]), 'empty'); }
    data.append('kind', $('kind').value);
    data.append('department', $('department').value);
    data.append('asOf', $('asOf').value);
    try {
      const r = await O.upload('/api/crosscheck/snapshots', data);
      $('result').textContent = '已导入 ' + r.rows + ' 行，截至 ' + r.asOf + '；在册户命中 ' + r.registerHouseholdsHit
        + ' 户，发起复核 ' + r.recheckCasesStarted + ' 件 / Loaded ' + r.rows + ' rows; ' + r.registerHouseholdsHit
        + ' registered household(s) hit, ' + r.recheckCasesStarted + ' re-check case(s) started';
      await loadSnapshots();
    } catch (e) {
      if (e.body && Array.isArray(e.body.errors)) {
        // a refused file: every bad row, its column and the rule
        $('message').textContent = (e.body.title || '') + ' (' + e.body.errorCount + ')';
        $('row-errors').replaceChildren(...e.body.errors.map((x) => O.el('li', x.sheet === null ? x.rule
          : '第 ' + x.row + ' 行 ' + x.column + '（' + x.header + '）: ' + x.rule)));
      } else {
        O.showProblem(e.body, e.status);
      }
    }
  }
  $('upload').addEventListener('submit', (event) => {
    event.preventDefault();
    send();
  });
  $('kind').addEventListener('change', showCategories);
  O.call('GET', '/api/crosscheck/kinds').then((list) => {
    kinds = list;
    $('kind').replaceChildren(...list.map((k) => {
      const option = O.el('option', k.label);
      option.value = k.kind;
      return option;
    }));
    showCategories();
    return loadSnapshots();
  }).then(() => { document.body.dataset.loaded = 'true'; })
    .catch((e) => O.showProblem(e.body, e.status));
}());
