// Precision Aid's configuration of Camunda Tasklist: served instead of the webjar's scripts/config.js because
// src/main/resources comes first on the classpath (docs/i18n/README.md). Options: Camunda 7.24 docs,
// "Webapps > Tasklist > Configuration".
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
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务 (claim the selected task)'},
    focusFilter: {key: 'ctrl+shift+f', description: '跳到第一个过滤器 (focus the first filter)'},
    focusList: {key: 'ctrl+alt+l', description: '跳到列表中的第一个任务 (focus the first task in the list)'},
    focusForm: {key: 'ctrl+alt+f', description: '跳到任务表单的第一个输入框 (focus the first field of the task form)'},
    startProcess: {key: 'ctrl+alt+p', description: '打开“发起流程”对话框 (open the start process dialog)'}
  },
};
