// Customer and partner portal. Identity, i18n, shell and the BFF helper come from the @dezky/ui layer;
// its OIDC defaults already describe this app's dev client (dezky-portal on port 3000).
export default defineNuxtConfig({
  extends: ['@dezky/ui'],

  devServer: { port: 3000 },

  runtimeConfig: {
    oidcCookiePrefix: 'dezky_portal_',
    public: {
      brand: { productName: 'Dezky' },
    },
  },

  compatibilityDate: '2026-11-01',
})
