/**
 * Whether a portal feature flag is on for the signed-in user on the current tenant's pages. Evaluated on
 * the server during the render (no flicker), then live: an operator's change shows within a second or
 * two without a reload. `fallback` applies while the flag is unknown or cannot be evaluated.
 *
 * @example
 * const showChecklist = useFeatureFlag('portal.setup-checklist')
 * // <DashboardSetupChecklist v-if="showChecklist" … />
 */
export function useFeatureFlag(key: TPortalFlagKey, fallback: boolean = PORTAL_FLAG_DEFAULTS[key]): Readonly<Ref<boolean>> {
  const flags = usePortalFlags()
  return computed(() => flags.value?.[key]?.value ?? fallback)
}
