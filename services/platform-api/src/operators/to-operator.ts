import type { TOperator } from '@dezky/contracts'
import type { OperatorAccount } from './fetch-operator-team'
import type { DezkySignIn } from './find-dezky-sign-ins'
import { createdByDezky } from '../provisioning/identity/user-ownership'

/** The API's view of a team member: Authentik's account joined with their sign-in to Dezky, if any. */
export function toOperator(account: OperatorAccount, signIn: DezkySignIn | undefined): TOperator {
  const [role, ...extraRoles] = account.roles
  return {
    id: account.uuid,
    pk: account.pk,
    username: account.username,
    name: account.name,
    email: account.email,
    role: role!,
    extraRoles,
    active: account.isActive,
    lastLoginAt: account.lastLogin?.toISOString() ?? null,
    signedInToDezky: Boolean(signIn),
    dezkyLastLoginAt: signIn?.lastLoginAt?.toISOString() ?? null,
    createdByDezky: createdByDezky(account),
  }
}
