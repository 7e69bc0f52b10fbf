import type { PlatformApi } from '@dezky/platform-api'
import type { Idp } from '@dezky/twins'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPlatformApi } from '@dezky/platform-api'
import { DEMO_TENANTS, freePort, startIdp } from '@dezky/twins'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoAdminToken } from './demo-admin-token'
import { demoMembers } from './demo-members'
import { seedDemoData } from './seed-demo-data'

describe('seedDemoData', () => {
  let dir: string
  let idp: Idp
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
    idp = await startIdp({ port: 0 })
    api = await startPlatformApi({
      PORT: '0',
      DEZKY_DATA_DIR: dir,
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      OIDC_ISSUER: idp.issuer,
      OIDC_AUDIENCE: idp.audience,
      LOG_LEVEL: 'silent',
    })
    token = await demoAdminToken(idp)
  })

  afterAll(async () => {
    await api?.stop()
    await idp?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('creates the demo partners, tenants and members through the API, and a second run changes nothing', async () => {
    const first = await seedDemoData({ apiUrl: api.url, token })
    const members = demoMembers()
    expect(first.existing).toEqual([])
    expect(first.created).toHaveLength(1 + DEMO_TENANTS.length + members.length)

    const tenantsAfterFirst = await get<{ items: { slug: string }[] }>('/tenants?limit=100')
    const second = await seedDemoData({ apiUrl: api.url, token })
    expect(second.created).toEqual([])
    expect(second.existing).toEqual(first.created)

    const tenants = await get<{ items: { slug: string }[] }>('/tenants?limit=100')
    expect(tenants.items.map(t => t.slug).sort()).toEqual(DEMO_TENANTS.map(t => t.slug).sort())
    expect(tenants.items).toEqual(tenantsAfterFirst.items)

    const acme = await get<{ items: { email: string, role: string }[] }>('/tenants/acme/members?limit=100')
    expect(acme.items.map(m => [m.email, m.role]).sort()).toEqual(
      members.filter(m => m.tenantSlug === 'acme').map(m => [m.email, m.role]).sort(),
    )
  })
})
