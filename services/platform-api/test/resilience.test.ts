import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config'
import { createDatabase } from '../src/db/client'
import { startPlatformApi } from '../src/start-platform-api'
import { seedFixture } from './fixtures'
import { startTcpProxy } from './tcp-proxy'
import { createTestApi } from './test-api'

const run = promisify(execFile)
const apiDir = fileURLToPath(new URL('..', import.meta.url))

describe('configuration', () => {
  it('fails fast naming the wrong variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: a postgres:\/\/ URL/)
    expect(() => loadConfig({ OIDC_ISSUER: 'not a url' })).toThrow(/OIDC_ISSUER/)
    expect(loadConfig({}).PORT).toBe(4000)
  })

  it('the process exits non-zero with one clear line', async () => {
    const failure = await run('node', ['--import', 'tsx', 'src/main.ts'], {
      cwd: apiDir,
      env: { ...process.env, PORT: 'eighty' },
    }).catch(error => error)
    expect(failure.code).toBe(1)
    expect(failure.stderr).toMatch(/^platform-api: Invalid configuration: PORT:/m)
    expect(failure.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('database down at start', () => {
  it('is a clear startup error', async () => {
    await expect(startPlatformApi({ DATABASE_URL: 'postgres://u:p@127.0.0.1:1/none', PORT: '0', LOG_LEVEL: 'silent' })).rejects.toThrow(/Database at 127\.0\.0\.1:1\/none is not usable/)
  })
})

describe('database down while running', () => {
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>
  let api: Awaited<ReturnType<typeof createTestApi>>

  beforeAll(async () => {
    const base = await createTestApi()
    await seedFixture(base.database.db)
    const url = new URL(base.database.url)
    proxy = await startTcpProxy({
      host: url.hostname,
      port: Number(url.port),
    })
    url.port = String(proxy.port)
    // Same database, reached through the proxy we can cut.
    base.deps.db = createDatabase({
      url: url.toString(),
      poolMax: 3,
    })
    api = base
  })
  afterAll(async () => {
    await api.deps.db.$client.end().catch(() => {})
    await proxy.stop()
    await api.close()
  })

  it('answers 503 problem on /ready and data routes, then recovers by itself', async () => {
    const { createApp } = await import('../src/app')
    const app = createApp(api.deps)
    const token = await api.token(['operator:noc'])
    const get = (path: string) => Promise.resolve(app.fetch(new Request(`http://api.test${path}`, {
      headers: { authorization: `Bearer ${token}` },
    })))
    expect((await get('/ready')).status).toBe(200)
    expect((await get('/tenants')).status).toBe(200)

    await proxy.cut()
    for (const path of ['/ready', '/tenants', '/tenants/acme']) {
      const response = await get(path)
      expect(response.status, path).toBe(503)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
      expect(response.headers.get('retry-after')).toBe('5')
    }
    expect((await get('/health')).status).toBe(200)

    await proxy.restore()
    let status = 0
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await get('/tenants')).status
      if (status !== 200)
        await new Promise(resolve => setTimeout(resolve, 100))
    }
    expect(status).toBe(200)
    expect((await get('/ready')).status).toBe(200)
  })
})
