export default defineAppConfig({
  me: {
    /** Show how the session signed in (`amr`): the operator console, where MFA is required, turns it on. */
    showAmr: false,
  },
  shell: {
    /** Links in the header; `label` is an i18n key. Apps replace this list in their app.config. */
    nav: [
      { to: '/', label: 'shell.nav.me' },
      { to: '/tenants', label: 'shell.nav.tenants' },
    ] as { to: string, label: string }[],
  },
})
