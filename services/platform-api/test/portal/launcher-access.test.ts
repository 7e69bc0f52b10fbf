import type { ProvisioningStack } from '../provisioning/provisioning-stack'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startProvisioningStack } from '../provisioning/provisioning-stack'
import { createPortalTenant } from './create-portal-tenant'

let stack: ProvisioningStack
const WEBMAIL = 'https://webmail.dezky.test/'

beforeAll(async () => {
  stack = await startProvisioningStack({ WEBMAIL_URL: WEBMAIL })
  stack.startWorker()
  await createPortalTenant(stack.api, stack.operator, 'la-acme')
  await createPortalTenant(stack.api, stack.operator, 'la-globex')
  await stack.converged('la-acme')
  await stack.converged('la-globex')
  // Each tenant's own tool, bound in Authentik to that tenant's role groups (as an admin would bind it).
  const bound = (slug: string) => ['owner', 'admin', 'member'].map(role => `tenant:${slug}:${role}`)
  stack.twins.idp.authentik.addApplication({
    slug: 'acme-erp',
    name: 'Acme ERP',
    launchUrl: 'https://erp.acme.test/',
    boundGroups: bound('la-acme'),
  })
  stack.twins.idp.authentik.addApplication({
    slug: 'globex-bi',
    name: 'Globex BI',
    launchUrl: 'https://bi.globex.test/',
    boundGroups: bound('la-globex'),
  })
})
afterAll(() => stack?.close())

/** A token for the Authentik user the reconciler made for this member: `sub` is its uuid, as at sign-in. */
async function tokenOf(email: string, groups: string[]): Promise<string> {
  const user = stack.twins.idp.authentik.users().find(candidate => candidate.username === email)
  expect(user, email).toBeDefined()
  return stack.api.token(groups, { sub: user!.subject, email })
}

async function launchable(slug: string, token: string): Promise<string[]> {
  const response = await stack.api.request('GET', `/tenants/${slug}/services`, { token })
  expect(response.status).toBe(200)
  return (await response.json()).items.filter((item: { kind: string }) => item.kind === 'sso').map((item: { key: string }) => item.key)
}

describe('the SSO applications of GET /tenants/:slug/services', () => {
  it('shows each tenant\'s people their own bound applications and everyone\'s unbound ones', async () => {
    expect(await launchable('la-acme', await tokenOf('bia@la-acme.test', ['tenant:la-acme:member']))).toEqual(['acme-erp', 'crm', 'wiki'])
    expect(await launchable('la-acme', await tokenOf('owner@la-acme.test', ['tenant:la-acme:owner']))).toEqual(['acme-erp', 'crm', 'wiki'])
    expect(await launchable('la-globex', await tokenOf('ana@la-globex.test', ['tenant:la-globex:admin']))).toEqual(['crm', 'globex-bi', 'wiki'])
  })

  it('gives a caller without an Authentik user (an operator) only the unbound applications', async () => {
    expect(await launchable('la-acme', stack.operator)).toEqual(['crm', 'wiki'])
    expect(await launchable('la-globex', stack.operator)).toEqual(['crm', 'wiki'])
  })

  it('keeps a person\'s list for a minute, through an outage, and answers without Authentik for someone not yet cached', async () => {
    const authentik = stack.twins.idp.authentik
    const bia = await tokenOf('bia@la-acme.test', ['tenant:la-acme:member'])
    const owner = await tokenOf('owner@la-globex.test', ['tenant:la-globex:owner'])
    try {
      authentik.setFaults({ errorRate: 1 })
      expect(await launchable('la-acme', bia)).toEqual(['acme-erp', 'crm', 'wiki'])
      const down = await stack.api.request('GET', '/tenants/la-globex/services', { token: owner })
      expect(down.status).toBe(200)
      expect((await down.json()).items.map((item: { key: string }) => item.key)).toEqual(['webmail', 'files'])
    }
    finally {
      authentik.clearFaults()
    }
    // A new application shows up after the minute, not before: the cached list is served meanwhile.
    authentik.addApplication({
      slug: 'acme-hr',
      name: 'Acme HR',
      launchUrl: 'https://hr.acme.test/',
      boundGroups: ['tenant:la-acme:member'],
    })
    expect(await launchable('la-acme', bia)).toEqual(['acme-erp', 'crm', 'wiki'])
  })
})
