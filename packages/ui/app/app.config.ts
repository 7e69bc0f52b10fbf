import type { TShellNavItem } from './composables/useShellNav'

export default defineAppConfig({
  me: {
    /** Show how the session signed in (`amr`): the operator console, where MFA is required, turns it on. */
    showAmr: false,
  },
  shell: {
    /**
     * Sidebar links (see the README): `labelKey` is an i18n key; `:tenant` / `:partner` in `to` come from
     * the route's params; `visibleTo` (optional) limits an item to roles in the current area. Empty here
     * because Nuxt concatenates arrays across layers: an app that sets its own list gets only its own;
     * with none, the shell shows the layer's pages (useShellNav).
     */
    nav: [] as TShellNavItem[],
    /** The tenant and partner switcher in the header (the operator console turns it off). */
    tenantSwitcher: true,
    /** Names of global components the header shows before the user menu (the console's ⌘K and bell). */
    headerActions: [] as string[],
  },
})
