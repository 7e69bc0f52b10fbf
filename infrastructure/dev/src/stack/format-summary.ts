import type { IdpUser } from '@dezky/twins'
import { parseGroups } from '@dezky/contracts'
import { DEMO_USERS } from '@dezky/twins'

export interface DevStackUrls {
  portal?: string
  operator?: string
  api: string
  apiReference: string
  idp: string
  /** The upstream twins the API's reconciler provisions into. */
  twins?: {
    authentik: string
    stalwart: string
    ocis: string
    smtp: string
    /** The SMTP twin's page listing every captured message. */
    mailPage: string
  }
}

function roleOf(user: IdpUser): { role: string, app: string } {
  const { operatorRole, partners, tenants } = parseGroups(user.groups)
  if (operatorRole)
    return { role: `operator ${operatorRole}${user.mfa ? '' : ' (no MFA)'}`, app: 'operator' }
  const scoped = [
    ...partners.map(p => `${p.role} @ ${p.slug}`),
    ...tenants.map(t => `${t.role} @ ${t.slug}`),
  ]
  return { role: scoped.join(', ') || 'none', app: 'portal' }
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map(row => row[column]!.length)))
  return rows.map(row => `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')}`.trimEnd())
}

/** The text printed once the stack is ready: where everything runs and who can sign in. */
export function formatSummary(urls: DevStackUrls, users: readonly IdpUser[] = DEMO_USERS): string {
  const services = [
    ...(urls.portal
      ? [
          ['Portal', urls.portal],
        ]
      : []),
    ...(urls.operator
      ? [
          ['Operator console', urls.operator],
        ]
      : []),
    ['Platform API', urls.api],
    ['API reference', urls.apiReference],
    ['IdP (twin)', urls.idp],
  ]
  const logins = [
    [
      'email',
      'role',
      'password',
      'sign in at',
    ],
    ...users.map((user) => {
      const { role, app } = roleOf(user)
      return [user.email, role, user.password, app]
    }),
  ]
  const twins = urls.twins
    ? [
        'Upstream twins (the reconciler provisions the demo tenants into them)',
        ...table([
          ['Authentik API', urls.twins.authentik],
          ['Stalwart', urls.twins.stalwart],
          ['OCIS', urls.twins.ocis],
          ['SMTP', urls.twins.smtp],
          ['Welcome mails', urls.twins.mailPage],
        ]),
        '  Each twin: /__twin/faults, /__twin/writes, /__twin/drift, /__twin/state (see README.md)',
        '',
        'Provisioning (each step and the tenant status, active once all are done; …/events streams it)',
        '  TOKEN=$(pnpm --filter @dezky/devstack --silent token)   # the demo super admin, for an hour',
        `  curl -H "authorization: Bearer $TOKEN" ${urls.api}/tenants/acme/provisioning`,
        '',
      ]
    : []
  return [
    '',
    'Dezky dev stack is ready',
    '',
    ...table(services),
    '',
    ...twins,
    'Demo logins',
    ...table(logins),
    '',
    'Ctrl-C stops everything.',
    '',
  ].join('\n')
}
