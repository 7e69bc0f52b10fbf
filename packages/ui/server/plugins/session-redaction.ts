import { sessionHooks } from 'nuxt-oidc-auth/runtime/server/utils/session.js'
import { redactTokens } from '../internal/redact-tokens'

// `/api/_auth/session` (and the SSR payload built from it) must never carry a token, whatever the
// provider settings say: nuxt-oidc-auth adds tokens there when `expose*Token` is on (its issue #95).
export default defineNitroPlugin(() => {
  sessionHooks.hook('fetch', session => redactTokens(session))
  sessionHooks.hook('refresh', session => redactTokens(session))
})
