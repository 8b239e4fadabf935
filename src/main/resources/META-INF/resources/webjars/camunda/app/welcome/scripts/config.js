// Precision Aid's configuration of Camunda Welcome: served instead of the webjar's scripts/config.js because
// src/main/resources comes first on the classpath (docs/i18n/README.md). Options: Camunda 7.24 docs,
// "Webapps > Welcome > Configuration".
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
  // instead of Camunda's documentation link: our own pages, which share the login
  links: [
    {label: '工作台 / Workbench', href: '/reports/home.html',
      description: '本辖区一览：待办、逾期、异议、资金、脱贫、监测 / Your region at a glance'},
    {label: '报表 / Reports', href: '/reports/index.html',
      description: '三表两图一册 / Three tables, two maps and one guide'}
  ],
};
