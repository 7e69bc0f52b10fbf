// @vitest-environment node
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { once } from 'node:events'
import { createServer } from 'node:http'
import { createApp, createError, eventHandler, toNodeListener } from 'h3'
import { Agent } from 'undici'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { proxyEventStream } from './proxy-event-stream'

// problem-error.ts relies on Nitro's auto-imported createError.
vi.stubGlobal('createError', createError)

/** The API's side: a stream that sends one event, then heartbeats, until `closeUpstream` or abort. */
let upstreamClosed: Promise<void>
let closeUpstream: () => void
let upstreamStatus = 200
const upstream = createServer((req, res) => {
  if (upstreamStatus !== 200) {
    res.writeHead(upstreamStatus, { 'content-type': 'application/problem+json' })
    res.end(JSON.stringify({
      type: 'about:blank',
      title: 'Not Found',
      status: upstreamStatus,
      detail: 'No tenant acme here',
      requestId: 'r-1',
    }))
    return
  }
  expect(req.headers.authorization).toBe('Bearer t0k3n')
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' })
  res.write('retry: 3000\n\nevent: provisioning\nid: 1\ndata: {"converged":false}\n\n')
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 20)
  closeUpstream = () => res.end()
  upstreamClosed = once(res, 'close').then(() => clearInterval(heartbeat))
})

const dispatcher = new Agent()
let upstreamUrl: URL
const proxy = createServer(toNodeListener(createApp().use('/events', eventHandler(event => proxyEventStream(event, {
  url: new URL('/tenants/acme/provisioning/events', upstreamUrl),
  headers: { authorization: 'Bearer t0k3n' },
  dispatcher,
  requestId: 'req-1',
  headersTimeoutMs: 2_000,
})))))
let proxyUrl: string

async function listen(server: Server) {
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

beforeAll(async () => {
  upstreamUrl = new URL(await listen(upstream))
  proxyUrl = `${await listen(proxy)}/events`
})
afterEach(() => {
  upstreamStatus = 200
})
afterAll(async () => {
  proxy.closeAllConnections()
  upstream.closeAllConnections()
  await dispatcher.close()
  proxy.close()
  upstream.close()
})

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string) {
  const decoder = new TextDecoder()
  let seen = ''
  while (!seen.includes(text)) {
    const { value, done } = await reader.read()
    if (done)
      throw new Error(`stream ended before "${text}"; got ${JSON.stringify(seen)}`)
    seen += decoder.decode(value, { stream: true })
  }
  return seen
}

describe('proxyEventStream', () => {
  it('streams events and heartbeats as they come, unbuffered', async () => {
    const response = await fetch(proxyUrl)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    expect(response.headers.get('x-accel-buffering')).toBe('no')
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform')
    const reader = response.body!.getReader()
    // The upstream has not ended: the event arrives while the stream is still open.
    expect(await readUntil(reader, 'data: {"converged":false}')).toContain('retry: 3000')
    await readUntil(reader, ': keep-alive')
    await reader.cancel()
  })

  it('ends the browser\'s response when the upstream ends', async () => {
    const response = await fetch(proxyUrl)
    const reader = response.body!.getReader()
    await readUntil(reader, 'event: provisioning')
    closeUpstream()
    let done = false
    while (!done)
      ({ done } = await reader.read())
    expect(done).toBe(true)
  })

  it('aborts the upstream request when the browser disconnects', async () => {
    const controller = new AbortController()
    const response = await fetch(proxyUrl, { signal: controller.signal })
    const reader = response.body!.getReader()
    await readUntil(reader, 'event: provisioning')
    controller.abort()
    await expect(Promise.race([
      upstreamClosed.then(() => 'closed'),
      new Promise(resolve => setTimeout(resolve, 2_000, 'still open')),
    ])).resolves.toBe('closed')
  })

  it.each([404, 403, 401])('answers the API\'s %i before streaming, with a safe message', async (status) => {
    upstreamStatus = status
    const response = await fetch(proxyUrl)
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toMatch(/json/)
    const body = await response.json() as { statusMessage: string, data: { requestId: string } }
    expect(body.statusMessage).not.toContain('acme')
    expect(body.data.requestId).toBe('r-1')
  })

  it('answers 503 when the API cannot be reached', async () => {
    const unreachable = createServer(toNodeListener(createApp().use('/', eventHandler(event => proxyEventStream(event, {
      url: new URL('http://127.0.0.1:9/events'),
      headers: {},
      dispatcher,
      requestId: 'req-2',
      headersTimeoutMs: 1_000,
    })))))
    const url = await listen(unreachable)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const response = await fetch(url)
    expect(response.status).toBe(503)
    expect(warn).toHaveBeenCalled()
    warn.mockRestore()
    unreachable.close()
  })
})
