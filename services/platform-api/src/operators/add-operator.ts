import type { TCreateOperator, TOperator } from '@dezky/contracts'
import type { User } from '@goauthentik/api'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Config } from '../config'
import type { Database, Queryable } from '../db/client'
import type { AuthentikDriver } from '../provisioning/identity/authentik-driver'
import type { OperatorAccount } from './fetch-operator-team'
import { can } from '../auth/capabilities'
import { forbidden, Problem } from '../http/problem'
import { DEZKY_USER_PATH } from '../provisioning/identity/user-ownership'
import { UpstreamError } from '../provisioning/upstream-error'
import { ensureOperatorGroup } from './ensure-operator-group'
import { fetchOperatorTeam, findAccount } from './fetch-operator-team'
import { findDezkySignIns } from './find-dezky-sign-ins'
import { findDirectoryUser } from './find-directory-user'
import { operatorDirectory, withDirectory } from './operator-directory'
import { toOperator } from './to-operator'
import { withTeamLock } from './with-team-lock'

export interface AddOperatorOptions {
  /** The pool: Authentik may take seconds, and no transaction is held meanwhile. */
  db: Database
  /** The short transaction the audit entry is written in once Authentik holds the change. */
  transaction: <T>(work: (tx: Queryable) => Promise<T>) => Promise<T>
  principal: Principal
  input: TCreateOperator
  config: Config
  audit: (entry: AuditInput) => Promise<void>
}

/**
 * A user for the new operator with no password: they choose one through Authentik's recovery flow.
 * Created inside the group in the same call, so the user never exists without the role.
 */
async function createOperatorUser(driver: AuthentikDriver, input: TCreateOperator, groupPk: string): Promise<User | undefined> {
  try {
    return await driver.call(`create user ${input.email}`, init => driver.core.coreUsersCreate({
      userRequest: {
        username: input.email,
        name: input.name,
        email: input.email,
        isActive: true,
        path: DEZKY_USER_PATH,
        groups: [groupPk],
      },
    }, init))
  }
  catch (error) {
    // 400 "must be unique": the user appeared since we looked; the caller adopts it instead.
    if (error instanceof UpstreamError && error.details.status === 400)
      return undefined
    throw error
  }
}

function asAccount(user: User, role: TCreateOperator['role']): OperatorAccount {
  return {
    pk: user.pk,
    uuid: user.uuid,
    username: user.username,
    name: user.name,
    email: user.email ?? '',
    isActive: user.isActive ?? true,
    lastLogin: user.lastLogin ?? null,
    path: user.path ?? '',
    roles: [role],
  }
}

/**
 * Adds a person to the operator team: their Authentik user is adopted when one has the e-mail (its name,
 * e-mail and path stay as they are: the user is not ours) or created under path `dezky`, then put in the
 * `operator:<role>` group (created, marked as ours, if missing). 409 when they already are an operator.
 * Nothing is mailed: the person signs in through Authentik's recovery flow (docs/operator-access.md).
 */
export async function addOperator({ db, transaction, principal, input, config, audit }: AddOperatorOptions): Promise<TOperator> {
  if (!can(principal, 'operator:manage'))
    throw forbidden('Only super admins manage the operator team.')
  const driver = operatorDirectory(config)
  const { account, outcome } = await withTeamLock(db, () => withDirectory(async () => {
    const team = await fetchOperatorTeam(driver)
    let user = await findDirectoryUser(driver, input.email)
    const already = user && findAccount(team, user.uuid)
    if (already) {
      throw new Problem(409, 'Already an operator', {
        detail: `This person is already on the operator team as ${already.roles[0]}; change their role instead.`,
      })
    }
    const group = await ensureOperatorGroup(driver, team.groups, input.role)
    if (!user) {
      const created = await createOperatorUser(driver, input, group.pk)
      if (created) {
        return {
          account: asAccount(created, input.role),
          outcome: 'created' as const,
        }
      }
      user = await findDirectoryUser(driver, input.email)
      if (!user)
        throw new Problem(409, 'Conflict', { detail: 'The identity provider refused the new user; its username may be taken by another address.' })
    }
    const adopted = user
    await driver.call(`add_user ${adopted.username} in ${group.name}`, init => driver.core.coreGroupsAddUserCreate({
      groupUuid: group.pk,
      userAccountRequest: { pk: adopted.pk },
    }, init))
    return {
      account: asAccount(adopted, input.role),
      outcome: 'adopted' as const,
    }
  }))

  await transaction(() => audit({
    action: 'operator.add',
    targetType: 'operator',
    targetId: account.uuid,
    tenantSlug: null,
    changes: [
      { field: 'role', before: null, after: input.role },
      { field: 'email', before: null, after: account.email },
      { field: 'authentikUser', before: null, after: outcome },
    ],
  }))
  const signIns = await findDezkySignIns(db, [account.uuid])
  return toOperator(account, signIns.get(account.uuid))
}
