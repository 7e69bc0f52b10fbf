import { describe, expect, it } from 'vitest'
import { operatorAccessOf } from './operator-access'

describe('operatorAccessOf', () => {
  it.each([
    // [what the API answered, the IdP groups in the session, expected]
    [
      {
        operatorRole: 'noc' as const,
        amr: ['pwd', 'otp'],
      },
      ['operator:noc'],
      'granted',
    ],
    [
      {
        operatorRole: 'super_admin' as const,
        amr: ['pwd', 'mfa'],
      },
      undefined,
      'granted',
    ],
    // An operator group without a second factor: the API withheld the role.
    [
      {
        operatorRole: null,
        amr: ['pwd'],
      },
      ['operator:technician'],
      'mfa-required',
    ],
    // With a second factor and still no role: the group is gone or the API does not know it.
    [
      {
        operatorRole: null,
        amr: ['pwd', 'otp'],
      },
      ['operator:technician'],
      'not-operator',
    ],
    // Customers and partners, with or without MFA, are not operators.
    [
      {
        operatorRole: null,
        amr: ['pwd'],
      },
      ['tenant:acme:owner'],
      'not-operator',
    ],
    [
      {
        operatorRole: null,
        amr: ['pwd', 'hwk'],
      },
      ['partner:nimbus:partner_admin'],
      'not-operator',
    ],
    [
      {
        operatorRole: null,
        amr: ['pwd'],
      },
      [],
      'not-operator',
    ],
    // Malformed operator groups grant nothing.
    [
      {
        operatorRole: null,
        amr: ['pwd'],
      },
      ['operator:root', 'operator'],
      'not-operator',
    ],
    // No groups claim at all: a sign-in without a second factor is asked for one first.
    [
      {
        operatorRole: null,
        amr: ['pwd'],
      },
      undefined,
      'mfa-required',
    ],
    [
      {
        operatorRole: null,
        amr: ['pwd', 'otp'],
      },
      undefined,
      'not-operator',
    ],
  ])('%j with groups %j → %s', (me, groups, expected) => {
    expect(operatorAccessOf(me, groups)).toBe(expected)
  })
})
