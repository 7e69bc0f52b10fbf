import { fileURLToPath } from 'node:url'

// Shared Nuxt layer for the Dezky apps (`extends: ['@dezky/ui']`).
//
// Every OIDC provider key an operator may need to change is spelled out here with a dev default:
// nuxt-oidc-auth only honours `NUXT_OIDC_PROVIDERS_OIDC_*` env overrides for keys that exist in the
// config at build time. The defaults point at the dev IdP twin (`packages/twins`) on port 4010 and at
// the portal's client; the operator app overrides the client keys in its own nuxt.config.
const devIssuer = 'http://localhost:4010'

export default defineNuxtConfig({
  modules: ['@unocss/nuxt', '@nuxtjs/i18n', 'nuxt-oidc-auth'],

  // `~` would point at the extending app, so layer files are referenced by absolute path.
  css: [
    fileURLToPath(new URL('./app/assets/css/tokens.css', import.meta.url)),
  ],

  app: {
    head: {
      meta: [
        { name: 'viewport', content: 'width=device-width, initial-scale=1' },
      ],
    },
  },

  runtimeConfig: {
    // NUXT_PLATFORM_API_URL / NUXT_PLATFORM_API_TIMEOUT_MS
    platformApiUrl: 'http://localhost:4000',
    platformApiTimeoutMs: 10_000,
    // NUXT_OIDC_COOKIE_PREFIX: session cookies are per host, not per port; each app names its own.
    oidcCookiePrefix: 'dezky_',
    public: {
      // NUXT_PUBLIC_BRAND_PRODUCT_NAME / _PRIMARY_COLOR / _ACCENT_COLOR (#rrggbb)
      brand: {
        productName: 'Dezky',
        primaryColor: '#1d4ed8',
        accentColor: '#d97706',
      },
    },
  },

  oidc: {
    defaultProvider: 'oidc',
    providers: {
      oidc: {
        clientId: 'dezky-portal',
        clientSecret: 'dezky-portal-dev-secret',
        redirectUri: 'http://localhost:3000/auth/oidc/callback',
        logoutRedirectUri: 'http://localhost:3000/auth/signed-out',
        authorizationUrl: `${devIssuer}/auth`,
        tokenUrl: `${devIssuer}/token`,
        userInfoUrl: `${devIssuer}/me`,
        logoutUrl: `${devIssuer}/session/end`,
        openIdConfiguration: `${devIssuer}/.well-known/openid-configuration`,
        logoutRedirectParameterName: 'post_logout_redirect_uri',
        // RP-Initiated Logout 1.0 §2: without id_token_hint the IdP needs client_id to accept
        // post_logout_redirect_uri. We keep the id token server-side, so we send client_id.
        additionalLogoutParameters: { clientId: 'dezky-portal' },
        responseType: 'code',
        authenticationScheme: 'header',
        // The default multipart body is rejected by standard token endpoints.
        tokenRequestType: 'form-urlencoded',
        pkce: true,
        nonce: true,
        state: true,
        scope: [
          'openid',
          'profile',
          'email',
          'offline_access',
          'groups',
        ],
        validateAccessToken: true,
        validateIdToken: true,
        // Tokens stay in the server-side session store; the browser only holds a sealed cookie.
        exposeAccessToken: false,
        exposeIdToken: false,
        userNameClaim: 'name',
        optionalClaims: ['name', 'email', 'preferred_username'],
        callbackRedirectUrl: '/',
      },
    },
    session: {
      automaticRefresh: true,
      expirationCheck: true,
      // Refresh a minute before the access token expires so a BFF call never forwards a dying token.
      expirationThreshold: 60,
      maxAge: 60 * 60 * 8,
      cookie: { sameSite: 'lax' },
    },
    middleware: {
      globalMiddlewareEnabled: true,
      customLoginPage: false,
    },
    provideDefaultSecrets: true,
    devtools: false,
  },

  nitro: {
    storage: {
      // Encrypted tokens of each session (nuxt-oidc-auth keeps them in the `oidc` mount; memory by
      // default, so sessions would die on restart). Relative to the server's working directory;
      // replace the mount (e.g. a redis driver) when running more than one instance.
      oidc: { driver: 'fs', base: './.data/oidc' },
      // Each user's portal sessions (created, last seen, browser, IP) for "active sessions" on the account page.
      sessions: { driver: 'fs', base: './.data/sessions' },
    },
  },

  i18n: {
    strategy: 'no_prefix',
    defaultLocale: 'en',
    locales: [
      {
        code: 'en',
        language: 'en-US',
        name: 'English',
        file: 'en.json',
      },
      {
        code: 'pt-BR',
        language: 'pt-BR',
        name: 'Português (Brasil)',
        file: 'pt-BR.json',
      },
    ],
    detectBrowserLanguage: {
      useCookie: true,
      cookieKey: 'dezky_locale',
      cookieSecure: process.env.NODE_ENV === 'production',
      fallbackLocale: 'en',
    },
  },

  unocss: {
    preflight: true,
    theme: {
      colors: {
        primary: 'var(--dz-primary)',
        onPrimary: 'var(--dz-on-primary)',
        accent: 'var(--dz-accent)',
        surface: 'var(--dz-surface)',
        canvas: 'var(--dz-canvas)',
        ink: 'var(--dz-ink)',
        muted: 'var(--dz-muted)',
        line: 'var(--dz-line)',
        danger: 'var(--dz-danger)',
        success: 'var(--dz-success)',
        warning: 'var(--dz-warning)',
      },
    },
    shortcuts: {
      'dz-card': 'bg-surface border border-line rounded-lg p-6 shadow-sm',
      'dz-button': 'inline-flex items-center gap-2 rounded-md bg-primary text-onPrimary px-4 py-2 text-sm font-medium hover:opacity-90 focus-visible:outline-2 focus-visible:outline-accent',
      'dz-link': 'text-primary underline-offset-4 hover:underline',
      // A quieter button beside a primary one (Cancel, Previous), and the red one of destructive actions.
      'dz-button-secondary': 'inline-flex items-center gap-2 rounded-md border border-line bg-surface text-ink px-4 py-2 text-sm font-medium hover:bg-canvas focus-visible:outline-2 focus-visible:outline-primary disabled:opacity-50 disabled:cursor-not-allowed',
      'dz-button-danger': 'inline-flex items-center gap-2 rounded-md bg-danger text-white px-4 py-2 text-sm font-medium hover:opacity-90 focus-visible:outline-2 focus-visible:outline-primary disabled:opacity-50 disabled:cursor-not-allowed',
      'dz-input': 'rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink focus-visible:outline-2 focus-visible:outline-primary disabled:opacity-60',
    },
  },

  typescript: {
    strict: true,
  },

  compatibilityDate: '2026-11-01',
})
