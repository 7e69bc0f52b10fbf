// The baseline of the dashboard SSR benchmark: a stock Nuxt app (pages and router, no modules), built and
// served exactly like the portal. `/` reads nothing; `/tenants/:slug` reads what the dashboard reads
// from the platform API (NUXT_API_URL, with the bench's token in NUXT_API_TOKEN: this app has no login).
export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  devtools: { enabled: false },
  telemetry: false,
  runtimeConfig: {
    apiUrl: '',
    apiToken: '',
  },
})
