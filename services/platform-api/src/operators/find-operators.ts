import type { TOperator, TOperatorRole, TPage } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Config } from '../config'
import type { Queryable } from '../db/client'
import type { SortDirection } from '../http/pagination'
import type { OperatorAccount } from './fetch-operator-team'
import { OPERATOR_SORT_FIELDS } from '@dezky/contracts'
import { z } from 'zod'
import { can } from '../auth/capabilities'
import { encodeCursor, parseCursor, toPage } from '../http/pagination'
import { forbidden } from '../http/problem'
import { fetchOperatorTeam } from './fetch-operator-team'
import { findDezkySignIns } from './find-dezky-sign-ins'
import { operatorDirectory, withDirectory } from './operator-directory'
import { roleRank } from './operator-groups'
import { toOperator } from './to-operator'

export { OPERATOR_SORT_FIELDS }

export interface FindOperatorsOptions {
  db: Queryable
  principal: Principal
  config: Config
  limit: number
  cursor?: string
  sort: { field: typeof OPERATOR_SORT_FIELDS[number], direction: SortDirection }
  role?: TOperatorRole
  q?: string
}

type SortKey = string | number

const SORT_KEYS: Record<typeof OPERATOR_SORT_FIELDS[number], (account: OperatorAccount) => SortKey> = {
  name: account => account.name.toLowerCase(),
  email: account => account.email.toLowerCase(),
  role: account => roleRank(account.roles[0]!),
}

function compare(a: readonly [SortKey, string], b: readonly [SortKey, string]): number {
  if (a[0] !== b[0]) {
    return a[0] < b[0]
      ? -1
      : 1
  }
  return a[1] < b[1]
    ? -1
    : a[1] > b[1]
      ? 1
      : 0
}

/**
 * The operator team, read from Authentik on every call (it is a few dozen people, and a role granted or
 * taken there must show at once), joined with who has signed in to Dezky. Filtered, sorted and paged
 * here with the same cursors as every other list: the cursor names the last item's sort key and uuid.
 * A person in several operator groups is listed once, with the strongest role and the rest in
 * `extraRoles`. 503 with Retry-After while Authentik is unreachable.
 */
export async function findOperators({ db, principal, config, limit, cursor, sort, role, q }: FindOperatorsOptions): Promise<TPage<TOperator>> {
  if (!can(principal, 'operator:read'))
    throw forbidden('Only operators see the operator team.')
  const sortName = `${sort.direction === 'desc'
    ? '-'
    : ''}${sort.field}`
  // The cursor's sort key must have its field's type, so a name is never compared with a rank.
  const after: readonly [SortKey, string] | undefined = sort.field === 'role'
    ? parseCursor(cursor, {
        value: z.number().int(),
        id: z.uuid(),
        sort: sortName,
      })
    : parseCursor(cursor, {
        value: z.string(),
        id: z.uuid(),
        sort: sortName,
      })
  const driver = operatorDirectory(config)
  const { accounts } = await withDirectory(() => fetchOperatorTeam(driver))
  const needle = q?.toLowerCase()
  const sign = sort.direction === 'desc'
    ? -1
    : 1
  const keyOf = (account: OperatorAccount) => [
    SORT_KEYS[sort.field](account),
    account.uuid,
  ] as const
  const rows = accounts
    .filter(account => !role || account.roles[0] === role)
    .filter(account => !needle || [account.name, account.email, account.username].some(text => text.toLowerCase().includes(needle)))
    .sort((a, b) => sign * compare(keyOf(a), keyOf(b)))
    .filter(account => !after || sign * compare(keyOf(account), after) > 0)
    .slice(0, limit + 1)
  const signIns = await findDezkySignIns(db, rows.map(account => account.uuid))
  const page = toPage(rows, limit, account => encodeCursor(SORT_KEYS[sort.field](account), account.uuid, sortName))
  return {
    items: page.items.map(account => toOperator(account, signIns.get(account.uuid))),
    nextCursor: page.nextCursor,
  }
}
