import type { Idp } from '../idp/start-idp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startIdp } from '../idp/start-idp'

let idp: Idp
const origin = () => new URL(idp.authentik.url).origin

beforeAll(async () => {
  idp = await startIdp({ port: 0 })
})
afterAll(() => idp.stop())

describe('authentik twin: health endpoints', () => {
  it('answers live and ready with 200 and no authentication, beside the API', async () => {
    for (const path of ['/-/health/live/', '/-/health/ready/']) {
      const response = await fetch(`${origin()}${path}`)
      expect(response.status, path).toBe(200)
      expect(await response.text()).toBe('')
    }
    expect((await fetch(`${origin()}/-/health/nothing/`)).status).toBe(404)
  })

  it('fails through the kit\'s faults when they name the health path, and only then', async () => {
    idp.authentik.setFaults({
      errorRate: 1,
      errorStatus: 503,
      paths: ['/-/health/'],
    })
    try {
      expect((await fetch(`${origin()}/-/health/ready/`)).status).toBe(503)
      // The OpenID side and the API are untouched by a health-only fault.
      expect((await fetch(`${idp.issuer}/.well-known/openid-configuration`)).status).toBe(200)
      const api = await fetch(`${idp.authentik.url}/core/groups/`, {
        headers: { authorization: `Bearer ${idp.authentik.apiToken}` },
      })
      expect(api.status).toBe(200)
    }
    finally {
      idp.authentik.clearFaults()
    }
    expect((await fetch(`${origin()}/-/health/ready/`)).status).toBe(200)
  })
})
