/**
 * nuxt-oidc-auth names its cookies `nuxt-oidc-auth` and `oidc`, and browsers scope cookies by host, not
 * port: on one host, signing in to the operator console would replace the portal's session. Our patch of
 * the module (patches/nuxt-oidc-auth@0.18.0.patch) reads a prefix from the environment; this sets it from
 * runtime config before the first request.
 */
export default defineNitroPlugin(() => {
  process.env.NUXT_OIDC_COOKIE_PREFIX ??= useRuntimeConfig().oidcCookiePrefix
})
