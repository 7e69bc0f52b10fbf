export default defineAppConfig({
  me: { showAmr: true },
})
