// Operator console. Identity, i18n, shell and the BFF helper come from the @dezky/ui layer; only the
// OIDC client (dezky-operator on port 3001) and the brand differ from the portal.

// One locale file per area under i18n/locales/<lang>/ (merged with the layer's by @nuxtjs/i18n); an
// area's top-level key is its own, so it never shadows the layer's shared strings (`tenants.status…`).
const OPERATOR_AREAS = [
  'access',
  'overview',
  'tenant-list',
  'tenant-detail',
  'partners',
  'audit',
  'team',
  'infrastructure',
  'users',
  'palette',
  'notifications',
  'flags',
]

export default defineNuxtConfig({
  extends: ['@dezky/ui'],

  devServer: { port: 3001 },

  runtimeConfig: {
    oidcCookiePrefix: 'dezky_operator_',
    public: {
      brand: { productName: 'Dezky Operator' },
      // NUXT_PUBLIC_ENVIRONMENT: dev, staging or prod; the header's badge says where the operator is acting.
      environment: 'dev',
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

  i18n: {
    locales: [
      {
        code: 'en',
        files: OPERATOR_AREAS.map(area => `en/${area}.json`),
      },
      {
        code: 'pt-BR',
        files: OPERATOR_AREAS.map(area => `pt-BR/${area}.json`),
      },
    ],
  },

  compatibilityDate: '2026-11-01',
})
