import type { Idp } from './start-idp'
import { createHash, randomBytes } from 'node:crypto'
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UserAgent } from '../testing/user-agent'
import { DEMO_PASSWORD } from './demo-users'
import { startIdp } from './start-idp'

const client = {
  clientId: 'test-app',
  clientSecret: 'test-app-secret',
  redirectUris: ['http://localhost:3999/auth/oidc/callback'],
  postLogoutRedirectUris: ['http://localhost:3999/'],
}
const redirectUri = client.redirectUris[0]!
const basic = `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`

let idp: Idp
beforeAll(async () => {
  idp = await startIdp({
    clients: [client],
  })
})
afterAll(() => idp.stop())

function formAction(html: string): string {
  const action = /<form[^>]+action="([^"]+)"/.exec(html)?.[1]
  if (!action)
    throw new Error(`no form in ${html}`)
  return new URL(action.replaceAll('&amp;', '&'), idp.issuer).href
}

/** Starts an authorization-code + PKCE request; resolves at the page the IdP shows (or the callback). */
async function authorize(agent: UserAgent) {
  const verifier = randomBytes(32).toString('base64url')
  const state = randomBytes(8).toString('hex')
  const url = new URL('/auth', idp.issuer)
  url.search = new URLSearchParams({
    client_id: client.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile email groups',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state,
    nonce: randomBytes(8).toString('hex'),
  }).toString()
  return {
    verifier,
    state,
    ...await agent.follow(url.href, redirectUri),
  }
}

async function signIn(agent: UserAgent, login: string, password = DEMO_PASSWORD) {
  const { verifier, state, response } = await authorize(agent)
  expect(response.status).toBe(200)
  const submitted = await agent.submit(formAction(await response.text()), { login, password })
  const callback = await agent.follow(submitted, redirectUri)
  const params = new URL(callback.url).searchParams
  expect(params.get('state')).toBe(state)
  return {
    code: params.get('code')!,
    verifier,
  }
}

async function token(fields: Record<string, string>, headers: Record<string, string> = { authorization: basic }) {
  const response = await fetch(new URL('/token', idp.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  })
  return { status: response.status, body: await response.json() as Record<string, string> }
}

async function exchange(code: string, verifier: string) {
  return token({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: verifier,
  })
}

describe('authorization code + PKCE', () => {
  it('logs in through the form and returns a JWT access token for the API audience', async () => {
    const { code, verifier } = await signIn(new UserAgent(), 'ana.souza@dezky.dev')
    const { status, body } = await exchange(code, verifier)
    expect(status).toBe(200)
    expect(body.token_type).toBe('Bearer')

    const jwks = await (await fetch(idp.jwksUri)).json() as { keys: { kid: string }[] }
    expect(jwks.keys.map(k => k.kid)).toContain(decodeProtectedHeader(body.access_token!).kid)
    const { payload, protectedHeader } = await jwtVerify(body.access_token!, createRemoteJWKSet(new URL(idp.jwksUri)), {
      issuer: idp.issuer,
      audience: idp.audience,
    })
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
    const { code, verifier } = await signIn(new UserAgent(), 'SEM.MFA@dezky.dev')
    const first = await exchange(code, verifier)
    expect(first.body.refresh_token).toBeTruthy()

    const post = { client_id: client.clientId, client_secret: client.clientSecret }
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token!, ...post }, {})
    expect(refreshed.status).toBe(200)
    expect(refreshed.body.access_token).not.toBe(first.body.access_token)
    expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token)
    const { payload } = await jwtVerify(refreshed.body.access_token!, createRemoteJWKSet(new URL(idp.jwksUri)), { audience: idp.audience })
    expect(payload).toMatchObject({
      amr: ['pwd'],
      groups: ['operator:technician'],
    })

    const replayed = await token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token!, ...post }, {})
    expect(replayed.body.error).toBe('invalid_grant')
  })

  it('rejects a token request without the PKCE verifier', async () => {
    const { code } = await signIn(new UserAgent(), 'lucas.pereira@acme.example')
    const { status, body } = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri })
    expect(status).toBe(400)
    expect(body.error).toBe('invalid_grant')
  })

  it('shows an error and issues no code for a wrong password', async () => {
    const agent = new UserAgent()
    const { response } = await authorize(agent)
    const action = formAction(await response.text())
    const failed = await agent.submit(action, { login: 'ana.souza@dezky.dev', password: 'wrong' })
    expect(failed.status).toBe(401)
    expect(failed.headers.get('location')).toBeNull()
    const html = await failed.text()
    expect(html).toContain('role="alert"')
    expect(html).toContain('value="ana.souza@dezky.dev"')
    expect(html).not.toContain('code=')
  })
})

describe('key rotation', () => {
  it('keeps the browser session and signs new tokens with the new key', async () => {
    const agent = new UserAgent()
    await signIn(agent, 'marcos.ribeiro@globex.example')
    const { kid } = await idp.rotateKeys()

    const again = await authorize(agent)
    const code = new URL(again.url).searchParams.get('code')
    expect(code).toBeTruthy()
    const { body } = await exchange(code!, again.verifier)
    expect(decodeProtectedHeader(body.access_token!).kid).toBe(kid)
    expect(decodeProtectedHeader(body.id_token!).kid).toBe(kid)
  })
})

describe('end session (RP-initiated logout)', () => {
  it('ends the IdP session without a confirm click and redirects to the post-logout URI', async () => {
    const agent = new UserAgent()
    const { code, verifier } = await signIn(agent, 'paula.martins@nimbus.example')
    const { body } = await exchange(code, verifier)
    const again = await authorize(agent)
    expect(again.url).toMatch(/^http:\/\/localhost:3999\/auth\/oidc\/callback\?code=/)

    const end = new URL('/session/end', idp.issuer)
    end.search = new URLSearchParams({ id_token_hint: body.id_token!, post_logout_redirect_uri: client.postLogoutRedirectUris[0]!, state: 'bye' }).toString()
    const page = await agent.fetch(end.href)
    const html = await page.text()
    expect(html).toContain('document.forms[0].submit()')
    // What the auto-submit script does in a browser:
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!
    const done = await agent.submit(formAction(html), { xsrf, logout: 'yes' })
    expect(done.headers.get('location')).toBe('http://localhost:3999/?state=bye')

    const afterLogout = await authorize(agent)
    expect(afterLogout.response.status).toBe(200)
    expect(await afterLogout.response.text()).toContain('name="password"')
    const refresh = await token({ grant_type: 'refresh_token', refresh_token: body.refresh_token! })
    expect(refresh.body.error).toBe('invalid_grant')
  })
})
