import type { Principal } from '../src/auth/principal'
import { OPERATOR_ROLES, parseGroups, PARTNER_ROLES, TENANT_ROLES } from '@dezky/contracts'

export interface TestPrincipal {
  label: string
  groups: string[]
  principal: Principal
}

function make(label: string, groups: string[]): TestPrincipal {
  return {
    label,
    groups,
    principal: {
      subject: label,
      email: null,
      emailVerified: false,
      authenticatedAt: new Date(0),
      name: null,
      amr: ['pwd'],
      groups,
      actingAs: null,
      ...parseGroups(groups),
    },
  }
}

/** Every role once: operators, partner roles on `nimbus`, tenant roles on `acme`, and someone with no role. */
export const PRINCIPALS: TestPrincipal[] = [
  ...OPERATOR_ROLES.map(role => make(`operator:${role}`, [`operator:${role}`])),
  ...PARTNER_ROLES.map(role => make(`partner:nimbus:${role}`, [`partner:nimbus:${role}`])),
  ...TENANT_ROLES.map(role => make(`tenant:acme:${role}`, [`tenant:acme:${role}`])),
  make('no-role', []),
]
