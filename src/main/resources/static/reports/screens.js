// Shows the links to the cadres, quotas and pairing screens (elements with data-screen) only to the roles that use
// them, as GET /api/cadre-access says; the server refuses the screens' writes to anyone else anyway.
(function () {
  'use strict';
  window.Office.call('GET', '/api/cadre-access').then((access) => {
    document.querySelectorAll('[data-screen]').forEach((e) => { e.hidden = !access[e.dataset.screen]; });
  }).catch(() => { /* not logged in: the page itself says so */ });
}());
