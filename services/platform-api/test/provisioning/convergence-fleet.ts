import type { TTenantRole } from '@dezky/contracts'
import type { Database } from '../../src/db/client'
import { ZCreateTenant } from '@dezky/contracts'
import { writeAuditEntry } from '../../src/audit/write-audit-entry'
import { principalFromClaims, rolesOf } from '../../src/auth/principal'
import { createTenant } from '../../src/tenants/create-tenant'
import { addTenantMember } from '../../src/users/add-tenant-member'

export interface FleetMember {
  email: string
  name: string
  role: TTenantRole
}

export interface FleetTenant {
  id: string
  slug: string
  domain: string
  members: FleetMember[]
}

const OPERATOR = principalFromClaims({
  sub: 'convergence-operator',
  iat: Math.floor(Date.now() / 1000),
  groups: ['operator:super_admin'],
  amr: ['pwd', 'otp'],
})

/** Owner and admin everywhere; every second tenant a member, every third of the rest a billing contact. */
function membersOf(index: number, domain: string): FleetMember[] {
  const members: FleetMember[] = [
    { email: `owner@${domain}`, name: 'Owner', role: 'owner' },
    { email: `ana@${domain}`, name: 'Ana', role: 'admin' },
  ]
  if (index % 2 === 0)
    members.push({ email: `bia@${domain}`, name: 'Bia', role: 'member' })
  else if (index % 3 === 0)
    members.push({ email: `caio@${domain}`, name: 'Caio', role: 'billing' })
  return members
}

/**
 * Creates `count` tenants (`<prefix>-001`…, each with a `.test` domain and 2–3 members) in ONE
 * transaction through the API's own operations — createTenant and addTenantMember, which call the real
 * requestReconcile — so every tenant becomes due at the same commit.
 */
export async function seedFleet(db: Database, count: number, prefix = 'fleet'): Promise<FleetTenant[]> {
  return db.transaction(async (tx) => {
    const audit = async (input: Parameters<typeof writeAuditEntry>[2]) => {
      await writeAuditEntry(tx, {
        subject: OPERATOR.subject,
        roles: rolesOf(OPERATOR),
        actingAs: null,
        requestId: null,
        ip: null,
        userAgent: null,
      }, input)
    }
    const fleet: FleetTenant[] = []
    for (let index = 1; index <= count; index++) {
      const slug = `${prefix}-${String(index).padStart(3, '0')}`
      const domain = `${slug}.test`
      const tenant = await createTenant({
        db: tx,
        principal: OPERATOR,
        input: ZCreateTenant.parse({
          slug,
          name: `Fleet ${index}`,
          plan: 'starter',
          domains: [domain],
        }),
        audit,
      })
      const members = membersOf(index, domain)
      for (const member of members) {
        await addTenantMember({
          db: tx,
          principal: OPERATOR,
          slug,
          input: member,
          audit,
        })
      }
      fleet.push({ id: tenant.id, slug, domain, members })
    }
    return fleet
  })
}
