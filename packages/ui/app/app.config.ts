export default defineAppConfig({
  shell: {
    /** Links in the header; `label` is an i18n key. Apps replace this list in their app.config. */
    nav: [
      { to: '/', label: 'shell.nav.me' },
      { to: '/tenants', label: 'shell.nav.tenants' },
    ] as { to: string, label: string }[],
  },
})
