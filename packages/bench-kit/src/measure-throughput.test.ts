import type { AddressInfo } from 'node:net'
import { createServer } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { measureThroughput } from './measure-throughput'

const LOAD = { connections: 2, durationSeconds: 1 }
const BODY = '{"context":{"plan":"business"}}'

// Answers 200 to a POST carrying BODY, 304 to a GET with If-None-Match, 400 to anything else: each
// figure below is only possible when the load sends what the target says.
const server = createServer((request, response) => {
  let received = ''
  request.on('data', (chunk) => {
    received += chunk
  })
  request.on('end', () => {
    if (request.method === 'POST' && received === BODY)
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    else if (request.method === 'GET' && request.headers['if-none-match'] === '"1"')
      response.writeHead(304).end()
    else
      response.writeHead(400).end()
  })
})
let url = ''

beforeAll(async () => {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
})
afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))

describe('measureThroughput', () => {
  it('sends the method and body of the target with every request', async () => {
    expect(await measureThroughput({ url, method: 'POST', body: BODY }, LOAD)).toBeGreaterThan(0)
  })

  it('measures a 304 path when told to expect 304, and refuses a figure made of other answers', async () => {
    const headers = { 'if-none-match': '"1"' }
    expect(await measureThroughput({ url, headers, status: 304 }, LOAD)).toBeGreaterThan(0)
    await expect(measureThroughput({ url, headers }, LOAD)).rejects.toThrow(/answers other than 2xx/)
    await expect(measureThroughput({
      url,
      method: 'POST',
      body: '{}',
      status: 200,
    }, LOAD)).rejects.toThrow(/answers other than 200/)
  })
}, 20_000)
