import type { TOperatorRole } from '@dezky/contracts'
import type { Group } from '@goauthentik/api'
import { groupsFor, OPERATOR_ROLES, parseGroups } from '@dezky/contracts'

/** The Authentik group whose members hold `role`: exactly what `parseGroups` reads from the token. */
export function operatorGroupName(role: TOperatorRole): string {
  return groupsFor({ operatorRole: role })[0]!
}

/** The role an `operator:<role>` group grants, or null for any other group. */
export function roleOfGroup(name: string): TOperatorRole | null {
  return name.split(':').length === 2
    ? parseGroups([name]).operatorRole
    : null
}

/** Strongest first, as `OPERATOR_ROLES` lists them: the order `parseGroups` picks the granted role by. */
export function roleRank(role: TOperatorRole): number {
  return OPERATOR_ROLES.indexOf(role)
}

/** The operator roles held, strongest first. */
export function byStrength(roles: Iterable<TOperatorRole>): TOperatorRole[] {
  return [
    ...new Set(roles),
  ].sort((a, b) => roleRank(a) - roleRank(b))
}

/** What we put in `attributes.dezky` of an operator group we create, so it stays recognisably ours. */
export function operatorGroupMarker(role: TOperatorRole): { operatorRole: TOperatorRole } {
  return { operatorRole: role }
}

/** The team's groups in Authentik, by role; a role nobody was ever given may have no group yet. */
export type OperatorGroups = Map<TOperatorRole, Group>
