import type { TOperatorRole } from '@dezky/contracts'
import type { User } from '@goauthentik/api'
import type { AuthentikDriver } from '../provisioning/identity/authentik-driver'
import type { OperatorGroups } from './operator-groups'
import { byStrength, roleOfGroup } from './operator-groups'

/** An Authentik user in at least one `operator:<role>` group. */
export interface OperatorAccount {
  pk: number
  /** The `sub` of their tokens (`sub_mode: user_uuid`). */
  uuid: string
  username: string
  name: string
  email: string
  isActive: boolean
  lastLogin: Date | null
  path: string
  /** Operator roles held, strongest first: the first is the one the token grants. */
  roles: TOperatorRole[]
}

export interface OperatorTeam {
  groups: OperatorGroups
  accounts: OperatorAccount[]
}

const PAGE_SIZE = 100
/** A team of more than 5,000 people is not an operator team; stop rather than page forever. */
const MAX_PAGES = 50

async function allPages<T>(fetchPage: (page: number) => Promise<{ results: T[], pagination: { next: number } }>): Promise<T[]> {
  const items: T[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await fetchPage(page)
    items.push(...answer.results)
    // Authentik reports the next page's number, 0 on the last one.
    if (!answer.pagination.next)
      break
  }
  return items
}

async function findOperatorGroups(driver: AuthentikDriver, signal?: AbortSignal): Promise<OperatorGroups> {
  // Search narrows the listing; the exact name decides, so `operator:x:y` or `my-operator:noc` are not ours.
  const listed = await allPages(page => driver.call('list operator groups', init => driver.core.coreGroupsList({
    search: 'operator:',
    includeUsers: false,
    page,
    pageSize: PAGE_SIZE,
  }, init), signal))
  const groups: OperatorGroups = new Map()
  for (const group of listed) {
    const role = roleOfGroup(group.name)
    if (role && !groups.has(role))
      groups.set(role, group)
  }
  return groups
}

function toAccount(user: User, groups: OperatorGroups): OperatorAccount | undefined {
  const ours = new Map([...groups].map(([role, group]) => [group.pk, role]))
  const roles = byStrength((user.groups ?? []).flatMap((uuid) => {
    const role = ours.get(uuid)
    return role
      ? [role]
      : []
  }))
  if (!roles.length)
    return undefined
  return {
    pk: user.pk,
    uuid: user.uuid,
    username: user.username,
    name: user.name,
    email: user.email ?? '',
    isActive: user.isActive ?? true,
    lastLogin: user.lastLogin ?? null,
    path: user.path ?? '',
    roles,
  }
}

/**
 * The operator team as Authentik holds it: the `operator:<role>` groups and the users directly in them
 * (the `groups` scope mapping lists direct memberships only, so a member of a child group holds no role).
 * Users are read with their groups, which tells who holds which roles in one listing.
 *
 * @example
 * const { accounts } = await fetchOperatorTeam(driver)
 */
export async function fetchOperatorTeam(driver: AuthentikDriver, signal?: AbortSignal): Promise<OperatorTeam> {
  const groups = await findOperatorGroups(driver, signal)
  if (!groups.size)
    return { groups, accounts: [] }
  const users = await allPages(page => driver.call('list operators', init => driver.core.coreUsersList({
    groupsByPk: [
      ...groups.values(),
    ].map(group => group.pk),
    includeGroups: false,
    includeRoles: false,
    page,
    pageSize: PAGE_SIZE,
  }, init), signal))
  const accounts = users.map(user => toAccount(user, groups)).filter(account => account !== undefined)
  return { groups, accounts }
}

/** The team member with this uuid, or undefined. */
export function findAccount(team: OperatorTeam, uuid: string): OperatorAccount | undefined {
  const wanted = uuid.toLowerCase()
  return team.accounts.find(account => account.uuid.toLowerCase() === wanted)
}
