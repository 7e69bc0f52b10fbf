import type { Database } from '../src/db/client'
import { eq, sql } from 'drizzle-orm'
import { writeAuditEntry } from '../src/audit/write-audit-entry'
import { partners, subscriptions, tenantMemberships, tenants, users } from '../src/db/schema'
import { prepareDomainRoute } from './domains/prepare-domain-route'
import { preparePortalRoute } from './portal/route-upstreams'

export { fixtureDomain } from './domains/prepare-domain-route'

export interface Fixture {
  partners: Record<'nimbus' | 'stratus', { id: string, slug: string }>
  tenants: Record<'acme' | 'globex' | 'initech', { id: string, slug: string, partnerSlug: string | null, subscriptionId: string }>
}

let counter = 0

/**
 * Two partners, a customer tenant under each and one direct customer, each tenant with an owner, a member,
 * a subscription and an audit entry: enough to tell any two scopes apart.
 */
export async function seedFixture(db: Database): Promise<Fixture> {
  const [nimbus, stratus] = await db.insert(partners).values([
    { slug: 'nimbus', name: 'Nimbus Cloud' },
    { slug: 'stratus', name: 'Stratus Hosting' },
  ]).returning()
  const rows = await db.insert(tenants).values([
    {
      slug: 'acme',
      name: 'Acme',
      partnerId: nimbus!.id,
      plan: 'business',
    },
    { slug: 'globex', name: 'Globex', partnerId: stratus!.id },
    { slug: 'initech', name: 'Initech' },
  ]).returning()
  const partnerSlugOf = (partnerId: string | null) => partnerId === nimbus!.id
    ? 'nimbus'
    : partnerId === stratus!.id
      ? 'stratus'
      : null
  const result: Fixture = {
    partners: { nimbus: nimbus!, stratus: stratus! },
    tenants: {} as Fixture['tenants'],
  }
  for (const row of rows) {
    const [subscription] = await db.insert(subscriptions).values({ tenantId: row.id, plan: row.plan }).returning()
    await addMember(db, row.id, 'owner')
    await addMember(db, row.id, 'member')
    await db.transaction(tx => writeAuditEntry(tx, {
      subject: 'fixture',
      roles: [],
      actingAs: null,
      requestId: null,
      ip: null,
      userAgent: null,
    }, {
      action: 'tenant.create',
      targetType: 'tenant',
      targetId: row.id,
      tenantSlug: row.slug,
      changes: [
        { field: 'slug', before: null, after: row.slug },
      ],
    }))
    result.tenants[row.slug as keyof Fixture['tenants']] = {
      id: row.id,
      slug: row.slug,
      partnerSlug: partnerSlugOf(row.partnerId),
      subscriptionId: subscription!.id,
    }
  }
  return result
}

/** A new user with a platform membership; returns the user id. */
export async function addMember(db: Database, tenantId: string, role: 'owner' | 'admin' | 'billing' | 'member'): Promise<string> {
  const n = ++counter
  const [user] = await db.insert(users).values({ email: `person${n}-${Date.now()}@fixture.example`, name: `Person ${n}` }).returning()
  await db.insert(tenantMemberships).values({ tenantId, userId: user!.id, role })
  return user!.id
}

/**
 * Lifecycle routes refuse a transition the tenant's status does not allow (409). Route-driven tests
 * put the tenant in a status the route's transition accepts, so the answer depends on the caller alone.
 */
export async function prepareForRoute(db: Database, routePath: string, tenantId: string): Promise<void> {
  if (routePath.startsWith('/tenants/:slug/domains'))
    await prepareDomainRoute(db, tenantId)
  await preparePortalRoute(db, routePath, tenantId)
  if (routePath === '/tenants/:slug/partner')
    await restoreFixturePartner(db, tenantId)
  const lifecycle = /\/(suspend|resume|offboard)$/.exec(routePath)?.[1]
  if (!lifecycle)
    return
  await db.update(tenants).set({
    status: lifecycle === 'resume'
      ? 'suspended'
      : 'active',
    offboardAfter: null,
  }).where(eq(tenants.id, tenantId))
}

/**
 * The partner routes move a tenant between partners: each call starts from the fixture's own partner, so
 * the tenant is seen by the scopes every later expectation assumes.
 */
async function restoreFixturePartner(db: Database, tenantId: string): Promise<void> {
  await db.update(tenants).set({
    partnerId: sql`(select ${partners.id} from ${partners} where ${partners.slug} = case ${tenants.slug} when 'acme' then 'nimbus' when 'globex' then 'stratus' end)`,
  }).where(eq(tenants.id, tenantId))
}
