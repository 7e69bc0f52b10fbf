import type { TTenant } from '@dezky/contracts'
import type { PlatformApi } from '@dezky/platform-api'
import type { Twins } from '@dezky/twins'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPlatformApi } from '@dezky/platform-api'
import { DEMO_TENANTS, freePort, startTwins } from '@dezky/twins'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoAdminToken } from './demo-admin-token'
import { DEMO_FLAGS } from './demo-flags'
import { demoMembers } from './demo-members'
import { reprovisionDemoTenants } from './reprovision-demo-tenants'
import { seedDemoData } from './seed-demo-data'

describe('seedDemoData', () => {
  let dir: string
  let twins: Twins
  let api: PlatformApi
  let token: string

  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${api.url}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(response.status, path).toBe(200)
    return await response.json() as T
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dezky-devstack-'))
    twins = await startTwins({ dkimDelayMs: 50 })
    const { idp } = twins
    api = await startPlatformApi({
      ...twins.env,
      RECONCILER_POLL_MS: '100',
      PORT: '0',
      DEZKY_DATA_DIR: dir,
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      OIDC_ISSUER: idp.issuer,
      OIDC_AUDIENCE: idp.audience,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    })
    token = await demoAdminToken(idp)
  })

  const tenantsWhenSettled = async (): Promise<TTenant[]> => {
    // Generous: on a loaded two-core machine the first run of each step takes seconds, not milliseconds.
    for (const deadline = Date.now() + 45_000; ; await new Promise(resolve => setTimeout(resolve, 100))) {
      const { items } = await get<{ items: TTenant[] }>('/tenants?limit=100')
      if (items.every(tenant => tenant.status === 'active') || Date.now() > deadline)
        return items
    }
  }

  afterAll(async () => {
    await api?.stop()
    await twins?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('creates the demo partners, tenants and members through the API, and a second run changes nothing', async () => {
    const first = await seedDemoData({ apiUrl: api.url, token })
    const members = demoMembers()
    expect(first.existing).toEqual([])
    expect(first.created).toHaveLength(1 + DEMO_TENANTS.length + members.length + DEMO_FLAGS.length)

    // The API's reconciler provisions each new tenant into the twins; the owners get a welcome mail.
    const tenantsAfterFirst = await tenantsWhenSettled()
    const steps = await Promise.all(tenantsAfterFirst.filter(t => t.status !== 'active').map(t =>
      get<{ steps: { step: string, status: string, lastError: string | null }[] }>(`/tenants/${t.slug}/provisioning`)))
    expect(tenantsAfterFirst.map(t => [t.slug, t.status]), JSON.stringify(steps)).toEqual(tenantsAfterFirst.map(t => [t.slug, 'active']))
    // A tenant whose owner is seeded after its first convergence is active without a welcome yet; adding
    // the owner makes the onboarding step run again.
    const owners = members.filter(m => m.role === 'owner').map(m => m.email).sort()
    await expect.poll(() => twins.smtp.messages().flatMap(message => message.to).sort(), { timeout: 45_000 }).toEqual(owners)

    const second = await seedDemoData({ apiUrl: api.url, token })
    expect(second.created).toEqual([])
    expect(second.existing).toEqual(first.created)

    const tenants = await get<{ items: { slug: string }[] }>('/tenants?limit=100')
    expect(tenants.items.map(t => t.slug).sort()).toEqual(DEMO_TENANTS.map(t => t.slug).sort())
    expect(tenants.items).toEqual(tenantsAfterFirst)

    // The flags' rules, overrides and kill switch were set once, by the first run.
    const killed = await get<{ kill: { reason: string } | null }>('/flags/billing.new-invoices')
    expect(killed.kill?.reason).toBe(DEMO_FLAGS.find(flag => flag.killReason)!.killReason)
    const acmeFlags = await get<{ items: { key: string, value: boolean, decision: string }[] }>('/tenants/acme/flags?environment=development')
    expect(acmeFlags.items.find(item => item.key === 'files.external-sharing')).toMatchObject({ value: true, decision: 'override' })
    expect(acmeFlags.items.find(item => item.key === 'portal.setup-checklist')).toMatchObject({ value: true, decision: 'on' })

    const acme = await get<{ items: { email: string, role: string }[] }>('/tenants/acme/members?limit=100')
    expect(acme.items.map(m => [m.email, m.role]).sort()).toEqual(
      members.filter(m => m.tenantSlug === 'acme').map(m => [m.email, m.role]).sort(),
    )
  }, 120_000)

  it('reprovisions kept demo tenants into fresh twins and names those whose domains changed', async () => {
    await seedDemoData({ apiUrl: api.url, token })
    await tenantsWhenSettled()
    // As if the twins had restarted empty while the database kept the tenant as provisioned.
    expect(twins.stalwart.drift({ action: 'deleteDomain', name: 'acme.test' }).applied).toBe(true)

    const report = await reprovisionDemoTenants({
      apiUrl: api.url,
      token,
      slugs: ['acme', 'globex'],
      tenants: DEMO_TENANTS.map(t => t.slug === 'globex'
        ? {
            ...t,
            domains: ['globex.example'],
          }
        : t),
    })
    expect(report.reconciled).toEqual(['acme', 'globex'])
    expect(report.stale).toEqual([
      {
        slug: 'globex',
        domains: ['globex.test'],
        expected: ['globex.example'],
      },
    ])
    await expect.poll(() => twins.stalwart.objects('Domain').some(domain => domain.name === 'acme.test'), { timeout: 45_000 }).toBe(true)
  }, 120_000)
})
