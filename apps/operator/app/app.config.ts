export default defineAppConfig({
  me: { showAmr: true },
  shell: { tenantSwitcher: false },
})
