import type { ProvisioningStack } from '../../test/provisioning/provisioning-stack'
import type { ProbeRunner } from './start-probe-runner'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startProvisioningStack } from '../../test/provisioning/provisioning-stack'
import { probeRunnerFromConfig } from './probe-runner-from-config'

/*
 * Every upstream as a twin and the prober running on its own timers with a one-second interval: what
 * the operator console's Infrastructure page and notification drawer see.
 */

const INTERVAL_MS = 1000
let stack: ProvisioningStack
let runner: ProbeRunner
let noc: string

interface ProbeView { name: string, status: string, target: string | null, latencyMs: number | null, lastError: string | null, lastChangeAt: string | null, recent: { ok: boolean, phase: string | null }[] }

beforeAll(async () => {
  stack = await startProvisioningStack({
    PROBE_INTERVAL_SECONDS: String(INTERVAL_MS / 1000),
    PROBE_TIMEOUT_MS: '400',
  })
  noc = await stack.api.token(['operator:noc'])
  runner = probeRunnerFromConfig(stack.api.deps.config, stack.api.database.db, pino({ level: 'silent' }))
})
afterAll(async () => {
  await runner?.stop()
  await stack?.close()
})

async function probes(): Promise<ProbeView[]> {
  const response = await stack.api.request('GET', '/system/probes', { token: noc })
  expect(response.status).toBe(200)
  return (await response.json()).probes
}
const probe = async (name: string) => (await probes()).find(p => p.name === name)!

/** Reads a server-sent events stream in the background; `next` waits for the next event matching. */
function readEvents(response: Response) {
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let seen = 0
  const events = () => text.split('\n\n').filter(block => block.startsWith('event: ')).map(block => ({
    type: block.slice(7, block.indexOf('\n')),
    data: JSON.parse(block.split('\ndata: ')[1]!.split('\n')[0]!),
  }))
  return {
    async next(match: (event: { type: string, data: any }) => boolean, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = events().slice(seen).findIndex(match)
        if (found >= 0) {
          seen += found + 1
          return events()[seen - 1]!
        }
        const left = deadline - Date.now()
        if (left <= 0)
          throw new Error(`no matching event in ${timeoutMs} ms; got ${JSON.stringify(events())}`)
        const chunk = await Promise.race([
          reader.read(),
          new Promise<null>(resolve => setTimeout(resolve, left, null)),
        ])
        if (chunk?.done)
          throw new Error('stream ended')
        if (chunk)
          text += decoder.decode(chunk.value)
      }
    },
    close: () => reader.cancel(),
  }
}

describe('probes against the twins', () => {
  it('checks every dependency: ok, with its host:port and latency', async () => {
    await expect.poll(async () => (await probes()).map(p => p.status), { timeout: 5000, interval: 100 }).toEqual(['ok', 'ok', 'ok', 'ok', 'ok'])
    const all = await probes()
    const url = (name: string) => new URL(stack.twins.env[name]!)
    expect(all.find(p => p.name === 'stalwart')!.target).toBe(url('STALWART_URL').host)
    expect(all.find(p => p.name === 'ocis')!.target).toBe(url('OCIS_URL').host)
    expect(all.find(p => p.name === 'authentik')!.target).toBe(url('AUTHENTIK_URL').host)
    expect(all.find(p => p.name === 'smtp')!.target).toBe(`127.0.0.1:${stack.twins.smtp.smtpPort}`)
    for (const p of all) {
      expect(p.latencyMs, p.name).toBeGreaterThanOrEqual(0)
      expect(p.lastChangeAt, p.name).not.toBeNull()
    }
  })

  it('turns a probe failed within one interval when its twin fails, tells the operators\' stream, and recovers', async () => {
    const response = await stack.api.request('GET', '/operator/events', { token: noc })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const stream = readEvents(response)
    try {
      stack.twins.stalwart.setFaults({
        errorRate: 1,
        errorStatus: 503,
        paths: ['/healthz/'],
      })
      const started = Date.now()
      await expect.poll(async () => (await probe('stalwart')).status, { timeout: 3000, interval: 50 }).toBe('failed')
      // One interval plus the check's own time (and the poll's step).
      expect(Date.now() - started).toBeLessThan(INTERVAL_MS + 600)
      const failed = await probe('stalwart')
      expect(failed.lastError).toBe('HTTP 503, expected 200')
      expect(failed.recent[0]).toMatchObject({ ok: false, phase: 'http' })
      const down = await stream.next(event => event.type === 'probe.changed')
      expect(down.data).toMatchObject({ name: 'stalwart', status: 'failed', error: 'HTTP 503, expected 200' })

      stack.twins.stalwart.clearFaults()
      await expect.poll(async () => (await probe('stalwart')).status, { timeout: 3000, interval: 50 }).toBe('ok')
      const up = await stream.next(event => event.type === 'probe.changed')
      expect(up.data).toMatchObject({ name: 'stalwart', status: 'ok', error: null })
      // Recovered, it still says what went wrong last.
      expect((await probe('stalwart')).lastError).toBe('HTTP 503, expected 200')
    }
    finally {
      stack.twins.stalwart.clearFaults()
      await stream.close()
    }
  })

  it('fails a hanging upstream at the timeout, and a reset connection in the http phase', async () => {
    stack.twins.ocis.setFaults({
      hangRate: 1,
      paths: ['/status.php'],
    })
    stack.twins.idp.authentik.setFaults({
      resetRate: 1,
      paths: ['/-/health/'],
    })
    try {
      await expect.poll(async () => (await probe('ocis')).status, { timeout: 3000, interval: 50 }).toBe('failed')
      expect(await probe('ocis')).toMatchObject({ lastError: 'no answer within the timeout' })
      await expect.poll(async () => (await probe('authentik')).status, { timeout: 3000, interval: 50 }).toBe('failed')
      expect((await probe('authentik')).recent[0]!.phase).toBe('http')
    }
    finally {
      stack.twins.ocis.clearFaults()
      stack.twins.idp.authentik.clearFaults()
    }
    await expect.poll(async () => (await probes()).map(p => p.status), { timeout: 3000, interval: 50 }).toEqual(['ok', 'ok', 'ok', 'ok', 'ok'])
  })

  it('runs a probe now for a technician, and not for noc', async () => {
    const technician = await stack.api.token(['operator:technician'])
    const run = await stack.api.request('POST', '/system/probes/smtp/run', { token: technician })
    expect(run.status).toBe(200)
    expect(await run.json()).toMatchObject({ name: 'smtp', kind: 'smtp', status: 'ok' })
    expect((await stack.api.request('POST', '/system/probes/smtp/run', { token: noc })).status).toBe(403)
  })
})
