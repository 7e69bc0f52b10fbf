import type { TTenantDomain } from '@dezky/contracts'
import type { DnsTwin } from '@dezky/twins'
import type { ProvisioningStack } from '../provisioning/provisioning-stack'
import { startDnsTwin } from '@dezky/twins'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startProvisioningStack } from '../provisioning/provisioning-stack'

/*
 * The whole loop with the real mail step against the Stalwart twin: a domain added through the API is
 * provisioned, its zone (with DKIM) becomes the records to publish, and once they are published in DNS
 * every check passes and the domain is verified.
 */

let stack: ProvisioningStack
let dns: DnsTwin

beforeAll(async () => {
  dns = await startDnsTwin()
  stack = await startProvisioningStack({ DNS_SERVERS: dns.server, DNS_TIMEOUT_MS: '500', MAIL_MX_HOST: 'mail.dezky.test' })
})
afterAll(async () => {
  await stack?.close()
  await dns?.stop()
})

const get = async (slug: string, name: string): Promise<TTenantDomain> => (await stack.api.request('GET', `/tenants/${slug}/domains/${name}`, { token: stack.operator })).json()

describe('a domain through provisioning and DNS', () => {
  it('is provisioned into the mail server, shows its DKIM key, and checks out once published', async () => {
    const { api, operator } = stack
    expect((await api.request('POST', '/tenants', {
      token: operator,
      body: {
        slug: 'dnsco',
        name: 'DNS Co',
        domains: ['dnsco.test'],
      },
    })).status).toBe(201)
    const added = await api.request('POST', '/tenants/dnsco/domains', {
      token: operator,
      body: { name: 'dnsco-second.test' },
    })
    expect(added.status).toBe(201)
    expect((await added.json()).mailReady).toBe(false)

    stack.startWorker()
    await stack.converged('dnsco')
    await stack.stopWorkers()

    for (const name of ['dnsco.test', 'dnsco-second.test']) {
      const domain = await get('dnsco', name)
      expect(domain.mailReady, name).toBe(true)
      const purposes = domain.records.map(r => r.purpose)
      expect(purposes.slice(0, 4)).toEqual(['verification', 'mx', 'spf', 'dkim'])
      expect([
        ...new Set(domain.records.filter(r => r.required).map(r => r.purpose)),
      ]).toEqual(['verification', 'mx', 'spf', 'dkim'])
      // One key per algorithm the mail server signs with.
      for (const dkim of domain.records.filter(r => r.purpose === 'dkim'))
        expect(dkim.value).toMatch(/^v=DKIM1; k=\w+; h=sha256; p=\S+$/)
      expect(purposes).toEqual(expect.arrayContaining([
        'dmarc',
        'autoconfig',
        'autodiscover',
        'srv',
      ]))
      expect(domain.records.every(r => r.domain === name && r.check.status === 'unchecked')).toBe(true)
    }

    const domain = await get('dnsco', 'dnsco-second.test')
    dns.setRecords(domain.records.filter(r => ['TXT', 'MX', 'CNAME', 'SRV'].includes(r.type)))
    const checked: TTenantDomain = await (await api.request('POST', '/tenants/dnsco/domains/dnsco-second.test/check', { token: operator })).json()
    expect(checked.records.filter(r => r.check.status !== 'ok').map(r => `${r.type} ${r.name}: ${r.check.status}`)).toEqual([])
    expect(checked.verified).toBe(true)
  })
})
