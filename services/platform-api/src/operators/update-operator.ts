import type { TOperator, TUpdateOperator } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Config } from '../config'
import type { Database, Queryable } from '../db/client'
import { can } from '../auth/capabilities'
import { forbidden } from '../http/problem'
import { findDezkySignIns } from './find-dezky-sign-ins'
import { getTeamMember } from './get-team-member'
import { operatorChanges } from './operator-changes'
import { operatorDirectory, withDirectory } from './operator-directory'
import { assertKeepsASuperAdmin } from './operator-guards'
import { setOperatorGroups } from './set-operator-groups'
import { toOperator } from './to-operator'
import { withTeamLock } from './with-team-lock'

export interface UpdateOperatorOptions {
  /** The pool: Authentik may take seconds, and no transaction is held meanwhile. */
  db: Database
  /** The short transaction the audit entry is written in once Authentik holds the change. */
  transaction: <T>(work: (tx: Queryable) => Promise<T>) => Promise<T>
  principal: Principal
  /** The operator's Authentik uuid. */
  id: string
  input: TUpdateOperator
  config: Config
  audit: (entry: AuditInput) => Promise<void>
}

/**
 * Gives an operator another role: joins the new `operator:<role>` group, then leaves every other one
 * (weaker leftovers included). Asking for the role they hold is answered as a success, which makes a
 * retry after a half-done change finish it. Guarded so the team keeps an active super admin.
 */
export async function updateOperator({ db, transaction, principal, id, input, config, audit }: UpdateOperatorOptions): Promise<TOperator> {
  if (!can(principal, 'operator:manage'))
    throw forbidden('Only super admins manage the operator team.')
  const driver = operatorDirectory(config)
  const { before, after } = await withTeamLock(db, () => withDirectory(async () => {
    const { team, account } = await getTeamMember(driver, id)
    assertKeepsASuperAdmin(principal, team, account, input.role)
    await setOperatorGroups(driver, team, account, input.role)
    return {
      before: account,
      after: {
        ...account,
        roles: [input.role],
      },
    }
  }))

  await transaction(() => audit({
    action: 'operator.update',
    targetType: 'operator',
    targetId: before.uuid,
    tenantSlug: null,
    changes: operatorChanges(before.roles, after.roles),
  }))
  const signIns = await findDezkySignIns(db, [after.uuid])
  return toOperator(after, signIns.get(after.uuid))
}
