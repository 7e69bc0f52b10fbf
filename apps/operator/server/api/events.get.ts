// The operators' event stream (`probe.changed`, `provisioning.failed`) for any page that listens:
// EventSource cannot send the bearer token, so the browser opens this route with its session cookie.
export default defineEventHandler(async (event) => {
  await streamPlatformApi(event, '/operator/events')
})
