// The portal keeps the layer's defaults; this file also anchors Nuxt 4's `app/` source dir, without
// which Nuxt would treat the whole app folder (e2e suites included) as application code.
export default defineAppConfig({
  me: { showAmr: false },
  // Tenants and partners show their own brand here (useBrand); the operator console keeps one brand.
  brand: { perTenant: true },
  shell: {
    // `visibleTo` mirrors the API's capability table (services/platform-api/src/auth/capabilities.ts) so
    // nobody is offered a page the API would refuse them; the API still decides. Partner roles count on
    // their customers' tenants, as in the API.
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
        // member:read
        visibleTo: {
          tenant: ['owner', 'admin'],
          partner: ['partner_admin', 'partner_agent'],
          operator: [
            'super_admin',
            'ops_lead',
            'technician',
            'noc',
          ],
        },
      },
      {
        key: 'domains',
        to: '/t/:tenant/domains',
        labelKey: 'domains.title',
        icon: 'globe',
        // domain:read
        visibleTo: {
          tenant: ['owner', 'admin'],
          partner: ['partner_admin', 'partner_agent'],
          operator: [
            'super_admin',
            'ops_lead',
            'technician',
            'noc',
          ],
        },
      },
      {
        key: 'services',
        to: '/t/:tenant/services',
        labelKey: 'services.nav',
        icon: 'grid',
      },
      {
        key: 'tenant-branding',
        to: '/t/:tenant/branding',
        labelKey: 'tenantBranding.nav',
        icon: 'palette',
        // tenant:update (PATCH /tenants/:slug carries the brand fields)
        visibleTo: {
          tenant: ['owner', 'admin'],
          partner: ['partner_admin'],
          operator: ['super_admin', 'ops_lead', 'technician'],
        },
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
        // partner:update
        visibleTo: {
          partner: ['partner_admin'],
          operator: ['super_admin', 'ops_lead'],
        },
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
