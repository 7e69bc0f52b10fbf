import type { TokenResult } from '../testing/oidc-test-client'
import type { Idp } from './start-idp'
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formAction, oidcTestClient } from '../testing/oidc-test-client'
import { UserAgent } from '../testing/user-agent'
import { DEMO_PASSWORD } from './demo-users'
import { startIdp } from './start-idp'

const client = {
  clientId: 'test-app',
  clientSecret: 'test-app-secret',
  redirectUris: ['http://localhost:3999/auth/oidc/callback'],
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

const signIn = (login: string) => rp.signIn(new UserAgent(), login, DEMO_PASSWORD)
function verifyAccessToken(result: TokenResult) {
  return jwtVerify(result.body.access_token!, createRemoteJWKSet(new URL(idp.jwksUri)), { issuer: idp.issuer, audience: idp.audience })
}

describe('authorization code + PKCE', () => {
  it('logs in through the form and returns a JWT access token for the API audience', async () => {
    const { code, verifier } = await signIn('ana.souza@dezky.dev')
    const result = await rp.exchange(code, verifier)
    const { status, body } = result
    expect(status).toBe(200)
    expect(body.token_type).toBe('Bearer')

    const jwks = await (await fetch(idp.jwksUri)).json() as { keys: { kid: string }[] }
    expect(jwks.keys.map(k => k.kid)).toContain(decodeProtectedHeader(body.access_token!).kid)
    const { payload, protectedHeader } = await verifyAccessToken(result)
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'at+jwt' })
    expect(payload).toMatchObject({
      sub: 'd68bffd7-c890-450f-a9bc-4a90ae65fe9d',
      client_id: client.clientId,
      groups: ['operator:super_admin'],
      amr: ['pwd', 'otp'],
      email: 'ana.souza@dezky.dev',
      name: 'Ana Souza',
      preferred_username: 'ana.souza@dezky.dev',
    })
    expect(payload.exp! - payload.iat!).toBe(300)

    const { payload: idToken } = await jwtVerify(body.id_token!, createRemoteJWKSet(new URL(idp.jwksUri)), {
      issuer: idp.issuer,
      audience: client.clientId,
    })
    expect(idToken).toMatchObject({
      groups: ['operator:super_admin'],
      email: 'ana.souza@dezky.dev',
      name: 'Ana Souza',
      amr: ['pwd', 'otp'],
    })

    const userinfo = await fetch(new URL('/me', idp.issuer), {
      headers: { authorization: `Bearer ${body.access_token}` },
    })
    expect(await userinfo.json()).toEqual({
      sub: 'd68bffd7-c890-450f-a9bc-4a90ae65fe9d',
      email: 'ana.souza@dezky.dev',
      email_verified: true,
      name: 'Ana Souza',
      preferred_username: 'ana.souza@dezky.dev',
      groups: ['operator:super_admin'],
    })
  })

  it('refuses userinfo for a token signed by the IdP key but meant for another audience', async () => {
    const forged = await idp.signJwt({
      iss: idp.issuer,
      aud: 'someone-else',
      sub: 'd68bffd7-c890-450f-a9bc-4a90ae65fe9d',
      scope: 'openid',
      exp: Math.floor(Date.now() / 1000) + 60,
    })
    const userinfo = await fetch(new URL('/me', idp.issuer), {
      headers: { authorization: `Bearer ${forged}` },
    })
    expect(userinfo.status).toBe(401)
    expect(userinfo.headers.get('www-authenticate')).toContain('invalid_token')
  })

  it('records amr pwd only for a user without MFA and refreshes with rotation (client_secret_post)', async () => {
    const { code, verifier } = await signIn('SEM.MFA@dezky.dev')
    const first = await rp.exchange(code, verifier)
    expect(first.body.refresh_token).toBeTruthy()

    const refreshed = await rp.token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token! }, 'post')
    expect(refreshed.status).toBe(200)
    expect(refreshed.body.access_token).not.toBe(first.body.access_token)
    expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token)
    const { payload } = await verifyAccessToken(refreshed)
    expect(payload).toMatchObject({
      amr: ['pwd'],
      groups: ['operator:technician'],
    })

    const replayed = await rp.token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token! }, 'post')
    expect(replayed.body.error).toBe('invalid_grant')
  })

  it('rejects a token request without the PKCE verifier', async () => {
    const { code } = await signIn('lucas.pereira@acme.test')
    const { status, body } = await rp.token({ grant_type: 'authorization_code', code, redirect_uri: rp.redirectUri })
    expect(status).toBe(400)
    expect(body.error).toBe('invalid_grant')
  })

  it('shows an error and issues no code for a wrong password', async () => {
    const agent = new UserAgent()
    const { response } = await rp.authorize(agent)
    expect(response.status).toBe(200)
    const action = formAction(await response.text(), idp.issuer)
    const failed = await agent.submit(action, { login: 'ana.souza@dezky.dev', password: 'wrong' })
    expect(failed.status).toBe(401)
    expect(failed.headers.get('location')).toBeNull()
    const html = await failed.text()
    expect(html).toContain('role="alert"')
    expect(html).toContain('value="ana.souza@dezky.dev"')
    expect(html).not.toContain('code=')
  })
})
