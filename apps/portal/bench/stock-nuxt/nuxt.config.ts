// The baseline of the dashboard SSR benchmark: a stock Nuxt app (pages and router, no modules, no data),
// built and served exactly like the portal.
export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  devtools: { enabled: false },
  telemetry: false,
})
