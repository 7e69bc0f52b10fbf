import type { Memberships, TCreateTenant, TPartner } from '@dezky/contracts'
import { groupsFor } from '@dezky/contracts'

/** A person who can sign in at the twin IdP. `groups` follows the mapping `parseGroups` reads. */
export interface IdpUser {
  /** The `sub` claim: stable across restarts so API rows keyed by subject survive. */
  subject: string
  username: string
  email: string
  name: string
  password: string
  /** Authentik would have run an OTP stage; the twin only records it in `amr`. */
  mfa: boolean
  groups: string[]
}

/** Shared by every demo account: this IdP exists for dev and tests only. */
export const DEMO_PASSWORD = 'dezky-demo'

export type DemoPartner = Pick<TPartner, 'slug' | 'name' | 'branding'>

export const DEMO_PARTNERS: readonly DemoPartner[] = [
  {
    slug: 'nimbus',
    name: 'Nimbus Cloud Parceiros',
    branding: { primaryColor: '#0e7490' },
  },
]

export const DEMO_TENANTS: readonly TCreateTenant[] = [
  {
    slug: 'acme',
    name: 'Acme Contabilidade',
    plan: 'business',
    partnerSlug: 'nimbus',
    domains: ['acme.test'],
    branding: {},
  },
  {
    slug: 'globex',
    name: 'Globex Engenharia',
    plan: 'starter',
    partnerSlug: 'nimbus',
    domains: ['globex.test'],
    branding: {},
  },
  {
    slug: 'initech',
    name: 'Initech Direct',
    plan: 'starter',
    partnerSlug: null,
    domains: ['initech.test'],
    branding: {},
  },
]

function demoUser(subject: string, email: string, name: string, memberships: Partial<Memberships>, mfa = false): IdpUser {
  // Authentik users sign in with their username; here it is the e-mail so one string identifies them everywhere.
  return {
    subject,
    username: email,
    email,
    name,
    password: DEMO_PASSWORD,
    mfa,
    groups: groupsFor(memberships),
  }
}

export const DEMO_USERS: readonly IdpUser[] = [
  demoUser('d68bffd7-c890-450f-a9bc-4a90ae65fe9d', 'ana.souza@dezky.dev', 'Ana Souza', { operatorRole: 'super_admin' }, true),
  demoUser('1080971c-3ff3-494d-89f1-881f92b931ae', 'otavio.lima@dezky.dev', 'Otávio Lima', { operatorRole: 'ops_lead' }, true),
  demoUser('4761e8b3-c6bb-412a-b214-9e8e9a66dfa8', 'tiago.rocha@dezky.dev', 'Tiago Rocha', { operatorRole: 'technician' }, true),
  demoUser('d9dc0e5c-b811-4b07-a9eb-60c8458cd9ec', 'nina.alves@dezky.dev', 'Nina Alves', { operatorRole: 'noc' }, true),
  // Deliberately without MFA: the operator console must refuse it.
  demoUser('bc451586-d3fa-4583-8cb3-83f309f24d9d', 'sem.mfa@dezky.dev', 'Samuel Menezes', { operatorRole: 'technician' }),
  demoUser('94a5cf0e-9deb-4887-85a8-bf752f7efc46', 'paula.martins@nimbus.example', 'Paula Martins', {
    partners: [
      { slug: 'nimbus', role: 'partner_admin' },
    ],
  }),
  demoUser('b79807b5-aafd-415b-aae2-69954fd0e2db', 'pedro.costa@nimbus.example', 'Pedro Costa', {
    partners: [
      { slug: 'nimbus', role: 'partner_agent' },
    ],
  }),
  demoUser('08205f5c-b6d1-4724-aa93-85c3a8cfec43', 'renata.campos@acme.test', 'Renata Campos', {
    tenants: [
      { slug: 'acme', role: 'owner' },
    ],
  }),
  demoUser('2aca68e7-3448-4e79-bedd-9157f23c49b4', 'bruno.teixeira@acme.test', 'Bruno Teixeira', {
    tenants: [
      { slug: 'acme', role: 'admin' },
    ],
  }),
  demoUser('ca623602-26ce-414d-a516-0c03cd3d458b', 'fernanda.lopes@acme.test', 'Fernanda Lopes', {
    tenants: [
      { slug: 'acme', role: 'billing' },
    ],
  }),
  demoUser('efc53308-d0e4-42ac-b622-94a819058ecd', 'lucas.pereira@acme.test', 'Lucas Pereira', {
    tenants: [
      { slug: 'acme', role: 'member' },
    ],
  }),
  demoUser('ee14a1a1-c36b-473b-9acc-947c1cbd37a0', 'marcos.ribeiro@globex.test', 'Marcos Ribeiro', {
    tenants: [
      { slug: 'globex', role: 'owner' },
    ],
  }),
  demoUser('ee4a2ee3-2495-4849-9dc0-f5b0d62d8dfc', 'julia.barbosa@globex.test', 'Júlia Barbosa', {
    tenants: [
      { slug: 'globex', role: 'member' },
    ],
  }),
  demoUser('3aa1cf90-c742-4390-8843-be386952a175', 'roberto.nunes@initech.test', 'Roberto Nunes', {
    tenants: [
      { slug: 'initech', role: 'owner' },
    ],
  }),
]
