// Links to the year screens (village files, the year's assessment, scoring) only for the officials who use them:
// every element whose data-screen names one of them (villageFiles, assessment, scoring) stays hidden unless GET /api/workbench/screens
// says the caller uses that screen. Hiding is for clarity; each endpoint refuses the others anyway.
(function () {
  'use strict';
  fetch('/api/workbench/screens', {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
    .then((response) => (response.ok ? response.json() : null))
    .then((screens) => {
      document.querySelectorAll('[data-screen]').forEach((link) => {
        link.hidden = !(screens && screens[link.dataset.screen] === true);
      });
    })
    .catch(() => { /* links stay hidden: the page itself still works */ });
}());
