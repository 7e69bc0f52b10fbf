export default defineAppConfig({
  me: { showAmr: true },
  shell: {
    tenantSwitcher: false,
    // The command palette (⌘K) and the notification bell, global components of the console.
    headerActions: ['PaletteHeaderButton', 'NotificationsBell'],
    // Append-only: each area of the console adds its own entries.
    nav: [
      {
        key: 'overview',
        to: '/',
        labelKey: 'overview.nav',
      },
      {
        key: 'tenants',
        to: '/tenants',
        labelKey: 'tenantList.nav',
      },
      {
        key: 'partners',
        to: '/partners',
        labelKey: 'partners.nav',
      },
      {
        key: 'audit',
        to: '/audit',
        labelKey: 'audit.nav',
      },
      {
        key: 'team',
        to: '/team',
        labelKey: 'team.nav',
      },
      {
        key: 'infrastructure',
        to: '/infrastructure',
        labelKey: 'infrastructure.nav',
      },
      {
        key: 'users',
        to: '/users',
        labelKey: 'users.nav',
      },
      {
        key: 'flags',
        to: '/flags',
        labelKey: 'flags.nav',
      },
    ],
  },
})
