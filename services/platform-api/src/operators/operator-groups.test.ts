import { OPERATOR_ROLES } from '@dezky/contracts'
import { describe, expect, it } from 'vitest'
import { byStrength, operatorGroupName, roleOfGroup } from './operator-groups'

describe('operator groups', () => {
  it.each(OPERATOR_ROLES)('operator:%s names the role and reads back as it', (role) => {
    expect(operatorGroupName(role)).toBe(`operator:${role}`)
    expect(roleOfGroup(operatorGroupName(role))).toBe(role)
  })

  it.each([
    'operator:root',
    'operator:noc:extra',
    'Operator:noc',
    'tenant:acme:owner',
    'my-operator:noc',
    'operator:',
    'noc',
  ])('%s grants no operator role', (name) => {
    expect(roleOfGroup(name)).toBeNull()
  })

  it('orders roles strongest first, once each, as the token grants them', () => {
    expect(byStrength([
      'noc',
      'super_admin',
      'technician',
      'noc',
    ])).toEqual(['super_admin', 'technician', 'noc'])
  })
})
