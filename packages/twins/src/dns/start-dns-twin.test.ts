import type { DnsTwin } from './start-dns-twin'
import { Resolver } from 'node:dns/promises'
import dns2 from 'dns2'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startDnsTwin } from './start-dns-twin'

let dns: DnsTwin
let resolver: Resolver

const DKIM_KEY = `v=DKIM1; k=rsa; h=sha256; p=${'A'.repeat(392)}`

beforeAll(async () => {
  dns = await startDnsTwin()
  resolver = new Resolver({ timeout: 500, tries: 1 })
  resolver.setServers([dns.server])
})
beforeEach(() => {
  dns.clear()
  dns.setRecords([
    { name: 'acme.test', type: 'MX', value: '10 mail.acme.test.' },
    { name: 'acme.test', type: 'TXT', value: 'v=spf1 mx -all' },
    { name: 'acme.test', type: 'A', value: '192.0.2.10' },
    { name: 'acme.test', type: 'AAAA', value: '2001:db8::10' },
    { name: 'sel._domainkey.acme.test', type: 'TXT', value: DKIM_KEY },
    { name: 'autoconfig.acme.test', type: 'CNAME', value: 'mail.acme.test.' },
    { name: '_imaps._tcp.acme.test', type: 'SRV', value: '0 1 993 mail.acme.test.' },
  ])
})
afterAll(() => dns?.stop())

const codeOf = async (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: { code?: string }) => error.code)

describe('the DNS twin', () => {
  it('answers every served type over UDP as a stub resolver reads it', async () => {
    expect(await resolver.resolveMx('acme.test')).toEqual([
      { exchange: 'mail.acme.test', priority: 10 },
    ])
    expect(await resolver.resolveTxt('acme.test')).toEqual([
      ['v=spf1 mx -all'],
    ])
    expect(await resolver.resolve4('acme.test')).toEqual(['192.0.2.10'])
    expect(await resolver.resolve6('acme.test')).toEqual(['2001:db8::10'])
    expect(await resolver.resolveCname('autoconfig.acme.test')).toEqual(['mail.acme.test'])
    expect(await resolver.resolveSrv('_imaps._tcp.acme.test')).toEqual([
      {
        name: 'mail.acme.test',
        port: 993,
        priority: 0,
        weight: 1,
      },
    ])
  })

  it('splits long TXT values into 255-byte strings that join back to the value', async () => {
    const [chunks] = await resolver.resolveTxt('sel._domainkey.acme.test')
    expect(chunks!.length).toBeGreaterThan(1)
    expect(chunks!.every(chunk => chunk.length <= 255)).toBe(true)
    expect(chunks!.join('')).toBe(DKIM_KEY)
  })

  it('answers NXDOMAIN for unknown names and NODATA for names without the type (also empty non-terminals)', async () => {
    expect(await codeOf(resolver.resolveTxt('nope.acme.test'))).toBe('ENOTFOUND')
    expect(await codeOf(resolver.resolveMx('sel._domainkey.acme.test'))).toBe('ENODATA')
    expect(await codeOf(resolver.resolveTxt('_domainkey.acme.test'))).toBe('ENODATA')
  })

  it('matches names case-insensitively and logs every question', async () => {
    expect(await resolver.resolveMx('ACME.test')).toHaveLength(1)
    expect(dns.queries().map(query => ({
      ...query,
      name: query.name.toLowerCase(),
    }))).toContainEqual({ name: 'acme.test', type: 'MX' })
  })

  it('serves TCP as well (large answers, clients that prefer it)', async () => {
    const client = dns2.TCPClient({ dns: dns.host, port: dns.port })
    const response = await client('sel._domainkey.acme.test', 'TXT')
    expect((response.answers[0]!.data as string[]).join('')).toBe(DKIM_KEY)
  })

  it('fails a name on demand: SERVFAIL, or silence until the client times out', async () => {
    dns.setFault('acme.test', 'servfail')
    expect(await codeOf(resolver.resolveMx('acme.test'))).toBe('ESERVFAIL')
    dns.setFault('acme.test', 'timeout')
    const started = Date.now()
    expect(await codeOf(resolver.resolveMx('acme.test'))).toBe('ETIMEOUT')
    expect(Date.now() - started).toBeGreaterThanOrEqual(400)
    dns.setFault('acme.test', null)
    expect(await resolver.resolveMx('acme.test')).toHaveLength(1)
  })

  it('replaces its records at run time and forgets them on clear', async () => {
    dns.setRecords([
      { name: 'other.test', type: 'TXT', value: 'hello' },
    ])
    expect(await codeOf(resolver.resolveMx('acme.test'))).toBe('ENOTFOUND')
    expect(await resolver.resolveTxt('other.test.')).toEqual([
      ['hello'],
    ])
    dns.clear()
    expect(dns.queries()).toEqual([])
    expect(await codeOf(resolver.resolveTxt('other.test'))).toBe('ENOTFOUND')
  })

  it('refuses record types it cannot serve', () => {
    expect(() => dns.setRecords([
      { name: 'acme.test', type: 'CAA', value: '0 issue "letsencrypt.org"' },
    ])).toThrow(/CAA/)
  })
})
