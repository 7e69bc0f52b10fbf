// Operator console. Identity, i18n, shell and the BFF helper come from the @dezky/ui layer; only the
// OIDC client (dezky-operator on port 3001) and the brand differ from the portal.
export default defineNuxtConfig({
  extends: ['@dezky/ui'],

  devServer: { port: 3001 },

  runtimeConfig: {
    oidcCookiePrefix: 'dezky_operator_',
    public: {
      brand: { productName: 'Dezky Operator' },
    },
  },

  oidc: {
    providers: {
      oidc: {
        clientId: 'dezky-operator',
        clientSecret: 'dezky-operator-dev-secret',
        redirectUri: 'http://localhost:3001/auth/oidc/callback',
        logoutRedirectUri: 'http://localhost:3001/auth/signed-out',
        additionalLogoutParameters: { clientId: 'dezky-operator' },
      },
    },
  },

  compatibilityDate: '2026-11-01',
})
