import type { Twins } from '@dezky/twins'
import type { FleetTenant } from './convergence-fleet'
import { TENANT_ROLES } from '@dezky/contracts'
import { OCIS_TWIN_ADMIN } from '@dezky/twins'
import { spaceRoleFor } from '../../src/provisioning/files/space-roles'

const sorted = (values: Iterable<string>) => [...values].sort()

/** Indexes of what the twins hold, built once per check so 200 tenants cost one pass over each store. */
function indexTwins(twins: Twins) {
  const authentikUsers = twins.idp.authentik.users()
  const usernameOf = new Map(authentikUsers.map(user => [user.pk, user.username]))
  const ocisMailOf = new Map(twins.ocis.users().map(user => [user.id, user.mail ?? '']))
  const domainOf = (address: string) => address.slice(address.indexOf('@') + 1)
  const group = <T>(items: T[], key: (item: T) => string) => {
    const map = new Map<string, T[]>()
    for (const item of items) {
      map.set(key(item), [
        ...map.get(key(item)) ?? [],
        item,
      ])
    }
    return map
  }
  return {
    usernameOf,
    ocisMailOf,
    groups: group(twins.idp.authentik.groups(), g => g.name.split(':')[1] ?? ''),
    users: group(authentikUsers, u => domainOf(u.username)),
    domains: group(twins.stalwart.objects('Domain'), d => String(d.name)),
    accounts: group(twins.stalwart.objects('Account'), a => domainOf(String(a.emailAddress))),
    spaces: group(twins.ocis.spaces(), s => s.name),
    ocisUsers: group(twins.ocis.users(), u => domainOf(u.mail ?? '')),
    mail: group(twins.smtp.messages().flatMap(m => m.to.map(to => ({ to, messageId: m.messageId ?? '', at: m.receivedAt }))), m => m.to),
  }
}

export interface CheckOptions {
  /**
   * Tenants whose welcome mail may have been delivered without the worker learning it (its run was
   * SIGKILLed, or the send failed by timeout or a lost connection rather than an SMTP reply): for them
   * a second delivery of the same Message-ID is the documented resend, not a duplicate.
   */
  ambiguousSends?: ReadonlySet<string>
}

/**
 * Every way the twins differ from exactly the fleet's desired objects, as readable lines (empty when
 * exact): the four role groups with exactly the active members, one user per member, one Stalwart domain
 * and one account per member, one enabled OCIS space whose permissions are exactly the members (plus its
 * creator, the platform's own admin), one IDM user per member, and one welcome mail per owner.
 */
export function fleetDiscrepancies(twins: Twins, fleet: readonly FleetTenant[], options: CheckOptions = {}): string[] {
  const at = indexTwins(twins)
  const problems: string[] = []
  const expect = (what: string, actual: unknown, wanted: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(wanted))
      problems.push(`${what}: ${JSON.stringify(actual)} ≠ wanted ${JSON.stringify(wanted)}`)
  }
  for (const tenant of fleet) {
    const { slug, domain, members } = tenant
    const emails = sorted(members.map(m => m.email))
    const groups = at.groups.get(slug) ?? []
    expect(`${slug} authentik groups`, sorted(groups.map(g => g.name)), sorted(TENANT_ROLES.map(role => `tenant:${slug}:${role}`)))
    for (const role of TENANT_ROLES) {
      for (const g of groups.filter(candidate => candidate.name === `tenant:${slug}:${role}`)) {
        expect(`${g.name} members`, sorted([...g.users].map(pk => at.usernameOf.get(pk) ?? `pk ${pk}`)), sorted(members.filter(m => m.role === role).map(m => m.email)))
      }
    }
    const users = at.users.get(domain) ?? []
    expect(`${slug} authentik users`, sorted(users.map(u => `${u.username}${u.isActive ? '' : ' (inactive)'}`)), emails)

    expect(`${slug} stalwart domains`, (at.domains.get(domain) ?? []).length, 1)
    expect(`${slug} stalwart accounts`, sorted((at.accounts.get(domain) ?? []).map(a => String(a.emailAddress))), emails)

    const spaces = at.spaces.get(slug) ?? []
    expect(`${slug} ocis spaces`, spaces.map(s => s.disabledAt ? 'disabled' : 'enabled'), ['enabled'])
    for (const space of spaces) {
      const grants = [
        ...space.grants.values(),
      ].filter(g => g.userId !== OCIS_TWIN_ADMIN.id)
      expect(`${slug} ocis permissions`, sorted(grants.map(g => `${at.ocisMailOf.get(g.userId)} ${g.roleId}`)), sorted(members.map(m => `${m.email} ${spaceRoleFor(m.role)}`)))
    }
    expect(`${slug} ocis users`, sorted((at.ocisUsers.get(domain) ?? []).map(u => u.mail ?? '')), emails)

    for (const member of members) {
      const received = at.mail.get(member.email) ?? []
      const wanted = member.role === 'owner'
        ? 1
        : 0
      const messageIds = new Set(received.map(m => m.messageId))
      // SMTP is at-least-once: a send whose answer was lost is sent again, as the same message.
      const resent = wanted === 1 && messageIds.size === 1 && options.ambiguousSends?.has(tenant.id)
      if (!resent)
        expect(`${member.email} welcome mails (${received.map(m => `${m.messageId} at ${m.at}`).join(', ')})`, received.length, wanted)
    }
  }
  return problems
}

const TIMESTAMPS = new Set([
  'lastUpdated',
  'passwordChangeDate',
  'lastModified',
  'etag',
])
const IDENTIFIERS = new Set([
  'pk',
  'uuid',
  'subject',
  'numPk',
  'id',
  'spaceId',
  'domainId',
  'dateJoined',
  'createdAt',
  'dnsZoneFile',
  'alias',
])

function byKey<T extends Record<string, unknown>>(items: T[], key: string): T[] {
  return items.sort((a, b) => String(a[key]).localeCompare(String(b[key])))
}

function strip(object: object, keepIds: boolean): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !TIMESTAMPS.has(key) && (keepIds || !IDENTIFIERS.has(key))))
}

/**
 * Everything the twins hold for one tenant, minus timestamps that legitimately move (last updated,
 * etags). `keepIds: false` also drops upstream ids and creation times, so an object that drift deleted
 * and the reconciler recreated compares equal to the original.
 */
export function tenantSnapshot(twins: Twins, tenant: FleetTenant, options: { keepIds: boolean }) {
  const at = indexTwins(twins)
  const { keepIds } = options
  return {
    groups: byKey((at.groups.get(tenant.slug) ?? []).map(g => ({
      ...strip(g, keepIds),
      users: sorted([...g.users].map(pk => at.usernameOf.get(pk) ?? `pk ${pk}`)),
    })), 'name'),
    users: byKey((at.users.get(tenant.domain) ?? []).map(u => strip({ ...u, password: undefined }, keepIds)), 'username'),
    domains: (at.domains.get(tenant.domain) ?? []).map(d => strip(d, keepIds)),
    accounts: byKey((at.accounts.get(tenant.domain) ?? []).map(a => strip(a, keepIds)), 'emailAddress'),
    spaces: (at.spaces.get(tenant.slug) ?? []).map(s => ({
      ...strip(s, keepIds),
      grants: sorted([
        ...s.grants.values(),
      ].map(g => `${at.ocisMailOf.get(g.userId)} ${g.roleId}`)),
    })),
    ocisUsers: byKey((at.ocisUsers.get(tenant.domain) ?? []).map(u => strip(u, keepIds)), 'mail'),
  }
}
