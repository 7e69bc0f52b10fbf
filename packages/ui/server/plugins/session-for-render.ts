import { readSessionForRender } from '../internal/read-session-for-render'

// nuxt-oidc-auth's SSR plugin fetched `/api/_auth/session` through a whole internal request on every
// render (its own hooks, the session cookie unsealed again, a JSON round trip). Our patch of that plugin
// calls this function instead when it is there, and falls back to the request when it answers nothing.
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('request', (event) => {
    event.context.oidcSessionForRender = () => readSessionForRender(event)
  })
})
