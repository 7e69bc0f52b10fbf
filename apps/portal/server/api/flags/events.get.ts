// The browser's one stream of `flags.changed` (EventSource cannot send the bearer token): on each, the
// page asks /api/flags again. The events name changed keys only, never values or rules.
export default defineEventHandler(async (event) => {
  await streamPlatformApi(event, '/flags/events')
})
