import { describe, expect, it } from 'vitest'
import { groupsFor, parseGroups } from './groups'

describe('parseGroups', () => {
  it.each([
    {
      groups: ['operator:super_admin'],
      expected: { operatorRole: 'super_admin', partners: [], tenants: [] },
    },
    {
      groups: ['partner:nimbus:partner_admin', 'tenant:acme:billing'],
      expected: {
        operatorRole: null,
        partners: [
          { slug: 'nimbus', role: 'partner_admin' },
        ],
        tenants: [
          { slug: 'acme', role: 'billing' },
        ],
      },
    },
    {
      groups: ['operator:noc', 'operator:ops_lead'],
      expected: { operatorRole: 'ops_lead', partners: [], tenants: [] },
    },
    {
      groups: ['tenant:acme:member', 'tenant:acme:owner', 'tenant:acme:admin'],
      expected: {
        operatorRole: null,
        partners: [],
        tenants: [
          { slug: 'acme', role: 'owner' },
        ],
      },
    },
    {
      groups: [
        'authentik Admins',
        'operator:god',
        'tenant:ACME:owner',
        'tenant:acme',
        'tenant:acme:owner:x',
        'partner::partner_admin',
        42,
        null,
      ],
      expected: { operatorRole: null, partners: [], tenants: [] },
    },
    {
      groups: undefined,
      expected: { operatorRole: null, partners: [], tenants: [] },
    },
  ])('maps $groups', ({ groups, expected }) => {
    expect(parseGroups(groups as unknown[] | undefined)).toEqual(expected)
  })

  it('round-trips through groupsFor', () => {
    const memberships = {
      operatorRole: 'technician' as const,
      partners: [
        { slug: 'nimbus', role: 'partner_agent' as const },
      ],
      tenants: [
        { slug: 'acme', role: 'admin' as const },
      ],
    }
    expect(parseGroups(groupsFor(memberships))).toEqual(memberships)
  })
})
