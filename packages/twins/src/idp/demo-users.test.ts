import { parseGroups } from '@dezky/contracts'
import { describe, expect, it } from 'vitest'
import { DEMO_PARTNERS, DEMO_TENANTS, DEMO_USERS } from './demo-users'

describe('demo organisation', () => {
  it('gives every group a partner or tenant that the seed data defines', () => {
    const partners = new Set(DEMO_PARTNERS.map(p => p.slug))
    const tenants = new Set(DEMO_TENANTS.map(t => t.slug))
    for (const user of DEMO_USERS) {
      const memberships = parseGroups(user.groups)
      // Every group must survive parsing: a typo would silently grant nothing.
      expect(memberships.partners.length + memberships.tenants.length + (memberships.operatorRole ? 1 : 0)).toBe(user.groups.length)
      for (const { slug } of memberships.partners)
        expect(partners).toContain(slug)
      for (const { slug } of memberships.tenants)
        expect(tenants).toContain(slug)
    }
    for (const tenant of DEMO_TENANTS) {
      if (tenant.partnerSlug)
        expect(partners).toContain(tenant.partnerSlug)
    }
  })

  it('has MFA on every operator except the one kept for the MFA refusal', () => {
    const operators = DEMO_USERS.filter(user => parseGroups(user.groups).operatorRole)
    expect(operators.filter(user => !user.mfa).map(user => user.email)).toEqual(['sem.mfa@dezky.dev'])
    expect(DEMO_USERS.filter(user => !parseGroups(user.groups).operatorRole).every(user => !user.mfa)).toBe(true)
  })

  it('covers every tenant role at acme and one owner per tenant', () => {
    const roles = (slug: string) => DEMO_USERS.flatMap(user => parseGroups(user.groups).tenants.filter(t => t.slug === slug).map(t => t.role))
    expect(roles('acme').sort()).toEqual(['admin', 'billing', 'member', 'owner'])
    expect(roles('globex').sort()).toEqual(['member', 'owner'])
    expect(roles('initech')).toEqual(['owner'])
  })
})
