import type { TOperatorCapability } from '../utils/operator-capabilities'

/**
 * The signed-in operator's role and what it allows, to hide controls the API would refuse (the API
 * decides; see `OPERATOR_CAPABILITIES`). The access middleware has loaded `/api/me` before any page runs.
 *
 * @example
 * const { can } = useOperatorRole()
 * // <button v-if="can('tenant:suspend')">…
 */
export function useOperatorRole() {
  const { me } = useOperatorMe()
  const role = computed(() => me.value?.operatorRole ?? null)
  return {
    role,
    can: (capability: TOperatorCapability) => operatorCan(role.value, capability),
  }
}
