import type { Idp } from './start-idp'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { oidcTestClient } from '../testing/oidc-test-client'
import { UserAgent } from '../testing/user-agent'
import { DEMO_PASSWORD } from './demo-users'
import { startIdp } from './start-idp'

const client = {
  clientId: 'grant-counter-app',
  clientSecret: 'grant-counter-app-secret',
  redirectUris: ['http://localhost:3998/auth/oidc/callback'],
}

let idp: Idp
let rp: ReturnType<typeof oidcTestClient>
beforeAll(async () => {
  idp = await startIdp({
    clients: [client],
  })
  rp = oidcTestClient(idp.issuer, client)
})
afterAll(() => idp.stop())

function lifetime(token: string) {
  const { exp, iat } = decodeJwt(token)
  return exp! - iat!
}

describe('token grant controls', () => {
  it('counts successful grants by type, rejected ones not, until reset', async () => {
    idp.resetTokenGrants()
    const { code, verifier } = await rp.signIn(new UserAgent(), 'ana.souza@dezky.dev', DEMO_PASSWORD)
    const first = await rp.exchange(code, verifier)
    await rp.token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token! })
    // A replayed (rotated-away) refresh token is refused and not counted.
    await rp.token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token! })
    expect(idp.tokenGrants()).toEqual({ authorization_code: 1, refresh_token: 1 })

    idp.resetTokenGrants()
    expect(idp.tokenGrants()).toEqual({})
  })

  it('issues access tokens with the lifetime set at runtime, also on refresh', async () => {
    const { code, verifier } = await rp.signIn(new UserAgent(), 'ana.souza@dezky.dev', DEMO_PASSWORD)
    const first = await rp.exchange(code, verifier)
    expect(lifetime(first.body.access_token!)).toBe(300)

    idp.setAccessTokenTtl(42)
    try {
      const refreshed = await rp.token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token! })
      expect(lifetime(refreshed.body.access_token!)).toBe(42)
      expect(refreshed.body.expires_in).toBe(42)
    }
    finally {
      idp.setAccessTokenTtl(300)
    }
  })
})
