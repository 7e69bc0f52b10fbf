import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Config } from '../config'
import type { Database, Queryable } from '../db/client'
import { can } from '../auth/capabilities'
import { forbidden } from '../http/problem'
import { getTeamMember } from './get-team-member'
import { operatorChanges } from './operator-changes'
import { operatorDirectory, withDirectory } from './operator-directory'
import { assertKeepsASuperAdmin } from './operator-guards'
import { setOperatorGroups } from './set-operator-groups'
import { withTeamLock } from './with-team-lock'

export interface RemoveOperatorOptions {
  /** The pool: Authentik may take seconds, and no transaction is held meanwhile. */
  db: Database
  /** The short transaction the audit entry is written in once Authentik holds the change. */
  transaction: <T>(work: (tx: Queryable) => Promise<T>) => Promise<T>
  principal: Principal
  /** The operator's Authentik uuid. */
  id: string
  config: Config
  audit: (entry: AuditInput) => Promise<void>
}

/**
 * Takes a person off the operator team: out of every `operator:*` group. Their Authentik user stays,
 * with whatever else it holds (tenant or partner roles, other applications); their next token carries no
 * operator role. Guarded so the team keeps an active super admin.
 */
export async function removeOperator({ db, transaction, principal, id, config, audit }: RemoveOperatorOptions): Promise<void> {
  if (!can(principal, 'operator:manage'))
    throw forbidden('Only super admins manage the operator team.')
  const driver = operatorDirectory(config)
  const removed = await withTeamLock(db, () => withDirectory(async () => {
    const { team, account } = await getTeamMember(driver, id)
    assertKeepsASuperAdmin(principal, team, account, null)
    await setOperatorGroups(driver, team, account, null)
    return account
  }))

  await transaction(() => audit({
    action: 'operator.remove',
    targetType: 'operator',
    targetId: removed.uuid,
    tenantSlug: null,
    changes: operatorChanges(removed.roles, []),
  }))
}
