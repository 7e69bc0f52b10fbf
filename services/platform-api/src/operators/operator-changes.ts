import type { TOperatorRole } from '@dezky/contracts'
import type { FieldChange } from '../db/schema'
import { diffFields } from '../audit/diff-fields'

/**
 * The audit entry's field diff of an operator's roles: `role` (the granted one; null off the team) and
 * `extraRoles` (weaker groups also held), before and after.
 *
 * @example
 * operatorChanges(['ops_lead'], ['noc'])
 * // [{ field: 'role', before: 'ops_lead', after: 'noc' }]
 */
export function operatorChanges(before: readonly TOperatorRole[], after: readonly TOperatorRole[]): FieldChange[] {
  const snapshot = (roles: readonly TOperatorRole[]) => ({
    role: roles[0] ?? null,
    extraRoles: roles.slice(1),
  })
  return diffFields(snapshot(before), snapshot(after))
}
