import { OPERATOR_ROLES } from '@dezky/contracts'
import { describe, expect, it } from 'vitest'
import { OPERATOR_CAPABILITIES, operatorCan } from './operator-capabilities'

// What issue 5 and docs/operator-access.md promise for each role, checked against the console's copy.
const MUTATING = Object.keys(OPERATOR_CAPABILITIES).filter(capability => !/:read$|:details$|:search$/.test(capability))

describe('operatorCan', () => {
  it('gives noc no capability that changes anything', () => {
    for (const capability of MUTATING)
      expect(operatorCan('noc', capability as keyof typeof OPERATOR_CAPABILITIES), capability).toBe(false)
  })

  it('lets noc read everything the others read', () => {
    for (const capability of Object.keys(OPERATOR_CAPABILITIES).filter(c => !MUTATING.includes(c)))
      expect(operatorCan('noc', capability as keyof typeof OPERATOR_CAPABILITIES), capability).toBe(true)
  })

  it.each([
    ['technician', 'tenant:suspend', true],
    ['technician', 'tenant:reconcile', true],
    ['technician', 'member:write', true],
    ['technician', 'tenant:offboard', false],
    ['technician', 'partner:update', false],
    ['technician', 'tenant:partner', false],
    ['ops_lead', 'tenant:offboard', true],
    ['ops_lead', 'operator:manage', false],
    ['super_admin', 'operator:manage', true],
  ] as const)('%s × %s → %s', (role, capability, expected) => {
    expect(operatorCan(role, capability)).toBe(expected)
  })

  it('gives nothing without an operator role', () => {
    for (const capability of Object.keys(OPERATOR_CAPABILITIES))
      expect(operatorCan(null, capability as keyof typeof OPERATOR_CAPABILITIES)).toBe(false)
  })

  it('knows every operator role', () => {
    expect([...OPERATOR_CAPABILITIES['tenant:read']].sort()).toEqual([...OPERATOR_ROLES].sort())
  })
})
