// The portal keeps the layer's defaults; this file also anchors Nuxt 4's `app/` source dir, without
// which Nuxt would treat the whole app folder (e2e suites included) as application code.
export default defineAppConfig({
  me: { showAmr: false },
  // Tenants and partners show their own brand here (useBrand); the operator console keeps one brand.
  brand: { perTenant: true },
  shell: {
    nav: [
      {
        key: 'dashboard',
        to: '/t/:tenant',
        labelKey: 'dashboard.nav',
        icon: 'home',
      },
      {
        key: 'users',
        to: '/t/:tenant/users',
        labelKey: 'users.nav',
        icon: 'users',
      },
      {
        key: 'domains',
        to: '/t/:tenant/domains',
        labelKey: 'domains.title',
        icon: 'globe',
      },
      {
        key: 'services',
        to: '/t/:tenant/services',
        labelKey: 'services.nav',
        icon: 'grid',
      },
      // Shown to everyone in the tenant (the shell cannot filter by role); the page says who may change it.
      {
        key: 'tenant-branding',
        to: '/t/:tenant/branding',
        labelKey: 'tenantBranding.nav',
        icon: 'palette',
      },
      {
        key: 'partner-customers',
        to: '/p/:partner',
        labelKey: 'partner.nav.customers',
        icon: 'building',
      },
      {
        key: 'partner-branding',
        to: '/p/:partner/branding',
        labelKey: 'partner.nav.branding',
        icon: 'palette',
      },
      {
        key: 'account',
        to: '/account',
        labelKey: 'account.nav',
        icon: 'user',
      },
    ],
  },
})
