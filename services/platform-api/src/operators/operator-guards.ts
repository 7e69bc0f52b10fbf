import type { TOperatorRole } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { OperatorAccount, OperatorTeam } from './fetch-operator-team'
import { Problem } from '../http/problem'

/** The role the operator will hold after the change; null when they leave the team. */
export type NextRole = TOperatorRole | null

/**
 * The team must never lock itself out: nobody changes their own operator role or leaves the team by
 * their own hand, and the last active super admin is neither demoted nor removed. Callers hold the team
 * lock (with-team-lock.ts) and read the team inside it, so two super admins demoting each other at once
 * cannot both pass.
 */
export function assertKeepsASuperAdmin(principal: Principal, team: OperatorTeam, account: OperatorAccount, next: NextRole): void {
  const current = account.roles[0]
  if (next === current)
    return
  if (principal.subject.toLowerCase() === account.uuid.toLowerCase()) {
    throw new Problem(409, 'Cannot change yourself', {
      detail: 'You cannot change your own operator role or remove yourself from the team; ask another super admin.',
    })
  }
  if (current !== 'super_admin' || !account.isActive)
    return
  const others = team.accounts.filter(other => other.uuid !== account.uuid && other.isActive && other.roles[0] === 'super_admin')
  if (!others.length) {
    throw new Problem(409, 'Last super admin', {
      detail: 'The team needs at least one active super admin; make someone else super admin first.',
    })
  }
}
