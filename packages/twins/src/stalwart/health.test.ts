import type { StalwartTwin } from './start-stalwart-twin'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStalwartTwin } from './start-stalwart-twin'

let stalwart: StalwartTwin

beforeAll(async () => {
  stalwart = await startStalwartTwin()
})
afterAll(() => stalwart.stop())

describe('stalwart twin: health endpoints', () => {
  it('answers /healthz/live and /healthz/ready with 200, no authentication', async () => {
    for (const path of ['/healthz/live', '/healthz/ready']) {
      const response = await fetch(`${stalwart.url}${path}`)
      expect(response.status, path).toBe(200)
      expect(await response.text()).toBe('')
    }
    expect((await fetch(`${stalwart.url}/healthz/other`)).status).toBe(404)
  })

  it('fails through the kit\'s faults on the health path only', async () => {
    stalwart.setFaults({
      errorRate: 1,
      errorStatus: 502,
      paths: ['/healthz/'],
    })
    try {
      expect((await fetch(`${stalwart.url}/healthz/ready`)).status).toBe(502)
      expect((await fetch(`${stalwart.url}/jmap/session`)).status).toBe(200)
    }
    finally {
      stalwart.clearFaults()
    }
    expect((await fetch(`${stalwart.url}/healthz/ready`)).status).toBe(200)
  })
})
