import type { ProvisioningStack } from '../provisioning/provisioning-stack'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tenants } from '../../src/db/schema'
import { expectProblem } from '../expect-problem'
import { startProvisioningStack } from '../provisioning/provisioning-stack'
import { createTestApi } from '../test-api'
import { createPortalTenant } from './create-portal-tenant'

let stack: ProvisioningStack
const WEBMAIL = 'https://webmail.dezky.test/'

beforeAll(async () => {
  stack = await startProvisioningStack({ WEBMAIL_URL: WEBMAIL, FILES_URL: 'https://files.dezky.test/' })
  stack.startWorker()
  await createPortalTenant(stack.api, stack.operator, 'svc-acme')
  await createPortalTenant(stack.api, stack.operator, 'svc-globex')
  await stack.converged('svc-acme')
  await stack.converged('svc-globex')
})
afterAll(() => stack?.close())

const get = (path: string, token: string) => stack.api.request('GET', path, { token })

describe('gET /tenants/:slug/services', () => {
  it('lists webmail, the tenant\'s own space as OCIS addresses it, and the SSO applications with a launch URL', async () => {
    // Hidden from people's library, or without a launch page: not for a launcher.
    stack.twins.idp.authentik.addApplication({
      slug: 'secret',
      name: 'Secret',
      launchUrl: 'https://secret.example/',
      hidden: true,
    })
    stack.twins.idp.authentik.addApplication({ slug: 'ldap', name: 'LDAP' })
    const member = await stack.api.token(['tenant:svc-acme:member'])
    const response = await get('/tenants/svc-acme/services', member)
    expect(response.status).toBe(200)
    const { items } = await response.json()
    const space = stack.twins.ocis.spaces().find(candidate => candidate.name === 'svc-acme')!
    expect(items).toEqual([
      {
        key: 'webmail',
        name: 'Webmail',
        url: WEBMAIL,
        description: null,
        kind: 'webmail',
      },
      {
        key: 'files',
        name: 'Files',
        url: expect.stringContaining(encodeURIComponent(space.spaceId)),
        description: null,
        kind: 'files',
      },
      {
        key: 'crm',
        name: 'CRM',
        url: 'https://crm.dezky.dev/',
        description: 'Clientes e oportunidades',
        kind: 'sso',
      },
      {
        key: 'wiki',
        name: 'Wiki',
        url: 'https://wiki.dezky.dev/',
        description: 'Base de conhecimento da equipe',
        kind: 'sso',
      },
    ])
  })

  it('is 404 for another tenant\'s people', async () => {
    const globexOwner = await stack.api.token(['tenant:svc-globex:owner'])
    await expectProblem(await get('/tenants/svc-acme/services', globexOwner), 404)
  })

  it('keeps answering with webmail and files when Authentik is down, and serves its list from a 60 s cache', async () => {
    const { twins } = stack
    // A fresh API process (its own database, whose tenant has no files step yet): nothing cached.
    const api = await createTestApi({ ...twins.env, UPSTREAM_TIMEOUT_MS: '2000', WEBMAIL_URL: WEBMAIL }, { idp: twins.idp })
    try {
      await api.database.db.insert(tenants).values({ slug: 'svc-acme', name: 'Acme' })
      const token = await api.token(['operator:super_admin'])
      twins.idp.authentik.setFaults({ errorRate: 1 })
      const down = await api.request('GET', '/tenants/svc-acme/services', { token })
      expect(down.status).toBe(200)
      expect((await down.json()).items.map((item: { key: string }) => item.key)).toEqual(['webmail'])
      twins.idp.authentik.clearFaults()

      // The other API process cached the operator's list: an outage now changes nothing for them within the minute.
      expect((await get('/tenants/svc-acme/services', stack.operator)).status).toBe(200)
      twins.idp.authentik.setFaults({ errorRate: 1 })
      const cached = await get('/tenants/svc-acme/services', stack.operator)
      expect((await cached.json()).items.map((item: { key: string }) => item.key)).toEqual(['webmail', 'files', 'crm', 'wiki'])
      twins.idp.authentik.clearFaults()
    }
    finally {
      twins.idp.authentik.clearFaults()
      await api.close()
    }
  })
})

describe('gET /tenants/:slug/usage', () => {
  it('reports the plan, its limits, people, mailboxes and the storage the files step read', async () => {
    const owner = await stack.api.token(['tenant:svc-acme:owner'])
    const first = await (await get('/tenants/svc-acme/usage', owner)).json()
    expect(first).toMatchObject({
      plan: 'starter',
      limits: { maxUsers: 10, mailboxBytes: 5 * 1024 ** 3, storageBytes: 50 * 1024 ** 3 },
      users: { active: 3, total: 3 },
      mailboxes: 3,
      storage: { usedBytes: 0, totalBytes: 50 * 1024 ** 3 },
    })
    expect(Date.parse(first.storage.measuredAt)).not.toBeNaN()

    const space = stack.twins.ocis.spaces().find(candidate => candidate.name === 'svc-acme')!
    stack.twins.ocis.drift({ action: 'setUsedBytes', spaceId: space.spaceId, bytes: 7_000_000 })
    expect((await stack.api.request('POST', '/tenants/svc-acme/reconcile', { token: stack.operator })).status).toBe(202)
    await stack.converged('svc-acme')
    const after = await (await get('/tenants/svc-acme/usage', owner)).json()
    expect(after.storage.usedBytes).toBe(7_000_000)
    expect(Date.parse(after.storage.measuredAt)).toBeGreaterThan(Date.parse(first.storage.measuredAt))
  })

  it('is 404 for another tenant\'s people', async () => {
    const globexOwner = await stack.api.token(['tenant:svc-globex:owner'])
    await expectProblem(await get('/tenants/svc-acme/usage', globexOwner), 404)
  })
})
