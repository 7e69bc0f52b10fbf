import type { Capability } from './capabilities'
import { describe, expect, it } from 'vitest'
import { isMutation } from '../http/define-route'
import { ROUTES } from '../routes'
import { CAPABILITIES } from './capabilities'

/*
 * The operator role rules of issue 5, checked against the policy table and the route table, so a new
 * capability or route that breaks one fails here: `noc` is read-only everywhere, `technician` cannot
 * offboard or change partners, and only `super_admin` manages the operator team.
 */

const capabilities = Object.keys(CAPABILITIES) as Capability[]
/** Capabilities that only let a caller look: named so, and never the capability of a mutating route. */
const isRead = (capability: Capability) => /:(?:read|search|details)$/.test(capability)
const mutating = ROUTES.filter(isMutation).flatMap(route => 'capability' in route.access
  ? [
      { route: `${route.method} ${route.path}`, capability: route.access.capability },
    ]
  : [])

describe('noc is read-only everywhere', () => {
  it('no mutating route is governed by a read capability', () => {
    expect(mutating.filter(({ capability }) => isRead(capability))).toEqual([])
  })

  it.each(capabilities.filter(capability => !isRead(capability)))('%s excludes noc', (capability) => {
    expect(CAPABILITIES[capability].operator).not.toContain('noc')
  })

  it('every mutating route excludes noc', () => {
    expect(mutating.filter(({ capability }) => (CAPABILITIES[capability].operator as readonly string[]).includes('noc'))).toEqual([])
  })
})

describe('technician cannot offboard or change partners', () => {
  it.each([
    'tenant:offboard',
    'tenant:partner',
    'partner:create',
    'partner:update',
  ] as const)('%s excludes technician', (capability) => {
    expect(CAPABILITIES[capability].operator).not.toContain('technician')
  })

  it('no mutating route about a partner (its record, or a tenant\'s partner) lets a technician in', () => {
    const partnerRoutes = mutating.filter(({ route }) => /\/partners?(?:\/|$)/.test(route))
    expect(partnerRoutes.length).toBeGreaterThan(0)
    expect(partnerRoutes.filter(({ capability }) => (CAPABILITIES[capability].operator as readonly string[]).includes('technician'))).toEqual([])
  })
})

describe('only super_admin manages the team', () => {
  it('operator:manage is super_admin\'s alone, and no partner or tenant role reads the team', () => {
    expect(CAPABILITIES['operator:manage']).toEqual({
      operator: ['super_admin'],
      partner: [],
      tenant: [],
    })
    expect(CAPABILITIES['operator:read']).toEqual({
      operator: [
        'super_admin',
        'ops_lead',
        'technician',
        'noc',
      ],
      partner: [],
      tenant: [],
    })
  })

  it('every mutating /operators route is governed by operator:manage', () => {
    const team = mutating.filter(({ route }) => / \/operators(?:\/|$)/.test(route))
    expect(team.map(({ route }) => route).sort()).toEqual(['DELETE /operators/:id', 'PATCH /operators/:id', 'POST /operators'])
    expect(team.every(({ capability }) => capability === 'operator:manage')).toBe(true)
  })
})
