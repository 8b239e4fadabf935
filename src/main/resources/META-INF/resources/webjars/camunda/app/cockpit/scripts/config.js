// Precision Aid's configuration of Camunda Cockpit: served instead of the webjar's scripts/config.js because
// src/main/resources comes first on the classpath (docs/i18n/README.md). Options: Camunda 7.24 docs,
// "Webapps > Cockpit > Configuration".
export default {
  // header and browser title read "<vendor> <name>"; the login page shows the name (styles/user-styles.css
  // puts the vendor before it there), so both read "精准扶贫 Precision Aid"
  app: {
    name: 'Precision Aid',
    vendor: '精准扶贫'
  },
  // our own translation in locales/zh.json; a browser set to English gets Camunda's English,
  // every other browser language (also Uyghur or Kazakh) gets Chinese
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // the first-login box points to Camunda's welcome page; our officials get their introduction from us
  disableWelcomeMessage: true,
  // 审计 / Audit: running and finished cases of the auditor's region (scripts/audit/plugin.js, docs/processes/audit.md)
  customScripts: ['scripts/audit/plugin'],
};
