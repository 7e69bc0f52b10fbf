// Customer and partner portal. Identity, i18n, shell and the BFF helper come from the @dezky/ui layer;
// its OIDC defaults already describe this app's dev client (dezky-portal on port 3000).
const PORTAL_AREAS = [
  'dashboard',
  'users',
  'domains',
  'services',
  'account',
  'partner',
]

export default defineNuxtConfig({
  extends: ['@dezky/ui'],

  devServer: { port: 3000 },

  runtimeConfig: {
    oidcCookiePrefix: 'dezky_portal_',
    public: {
      brand: { productName: 'Dezky' },
    },
  },

  // The layer brings the shared strings; the portal's own live in one file per area (merged with the
  // layer's by @nuxtjs/i18n), so the areas' strings can change independently.
  i18n: {
    locales: [
      {
        code: 'en',
        files: PORTAL_AREAS.map(area => `en/${area}.json`),
      },
      {
        code: 'pt-BR',
        files: PORTAL_AREAS.map(area => `pt-BR/${area}.json`),
      },
    ],
  },

  compatibilityDate: '2026-11-01',
})
