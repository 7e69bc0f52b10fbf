import type { TestApi } from './test-api'
import { generateKeyPair, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JwksCache } from '../src/auth/jwks-cache'
import { createTokenVerifier } from '../src/auth/verify-token'
import { createTestApi } from './test-api'

let api: TestApi
const now = () => Math.floor(Date.now() / 1000)

beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api?.close())

async function expect401(token: string, detail?: RegExp) {
  const response = await api.request('GET', '/tenants', { token })
  expect(response.status).toBe(401)
  expect(response.headers.get('content-type')).toContain('application/problem+json')
  expect(response.headers.get('www-authenticate')).toContain('invalid_token')
  const body = await response.json()
  expect(body).toMatchObject({ status: 401, title: 'Unauthorized' })
  if (detail)
    expect(body.detail).toMatch(detail)
}

function claims(overrides: Record<string, unknown> = {}) {
  return {
    iss: api.idp.issuer,
    aud: api.idp.audience,
    sub: 'someone',
    iat: now(),
    exp: now() + 300,
    groups: ['operator:super_admin'],
    ...overrides,
  }
}

describe('access token verification', () => {
  it('accepts a token from the IdP and maps its groups', async () => {
    const token = await api.token([
      'tenant:acme:owner',
      'partner:nimbus:partner_agent',
      'operator:noc',
      'bogus',
    ], {
      sub: 'mapped',
      amr: ['pwd', 'otp'],
    })
    const response = await api.request('GET', '/users/me', { token })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      operatorRole: 'noc',
      partners: [
        { slug: 'nimbus', role: 'partner_agent' },
      ],
      tenants: [
        { slug: 'acme', role: 'owner' },
      ],
      amr: ['pwd', 'otp'],
    })
  })

  it('grants operator roles only to sessions that passed a second factor', async () => {
    const withoutMfa = await api.token(['operator:super_admin', 'tenant:acme:member'], {
      amr: ['pwd'],
    })
    const me = await (await api.request('GET', '/users/me', { token: withoutMfa })).json()
    expect(me).toMatchObject({
      operatorRole: null,
      tenants: [
        { slug: 'acme', role: 'member' },
      ],
    })
    expect((await api.request('POST', '/partners', {
      token: withoutMfa,
      body: { slug: 'no-mfa', name: 'No MFA' },
    })).status).toBe(403)
    const withMfa = await api.token(['operator:super_admin'], {
      amr: ['pwd', 'mfa'],
    })
    expect((await (await api.request('GET', '/users/me', { token: withMfa })).json()).operatorRole).toBe('super_admin')
  })

  it('refuses an expired token', async () => {
    await expect401(await api.idp.signJwt(claims({ iat: now() - 600, exp: now() - 60 })), /expired/)
  })

  it('refuses a token that is not yet valid', async () => {
    await expect401(await api.idp.signJwt(claims({ nbf: now() + 600 })), /nbf/)
  })

  it('refuses a forged signature', async () => {
    const token = await api.token(['operator:super_admin'])
    const [header, payload] = token.split('.')
    const forgedPayload = Buffer.from(JSON.stringify({
      ...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
      groups: ['operator:super_admin', 'tenant:x:owner'],
    })).toString('base64url')
    await expect401(`${header}.${forgedPayload}.${token.split('.')[2]}`, /signature/)
  })

  it('refuses a token signed by a key the IdP does not publish', async () => {
    const { privateKey } = await generateKeyPair('RS256')
    const [kid] = [(JSON.parse(Buffer.from((await api.token([])).split('.')[0]!, 'base64url').toString()) as { kid: string }).kid]
    // Same kid as a real key, different key material: the signature cannot verify.
    await expect401(await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey), /signature/)
  })

  it('refuses a wrong issuer and a wrong audience', async () => {
    await expect401(await api.idp.signJwt(claims({ iss: 'http://localhost:1/evil' })), /iss/)
    await expect401(await api.idp.signJwt(claims({ aud: 'another-api' })), /aud/)
  })

  it('refuses alg none and symmetric algorithms', async () => {
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims())).toString('base64url')}.`
    await expect401(unsigned)
    const hs = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(32)))
    await expect401(hs, /algorithm/)
  })

  it('refuses an unknown kid with 401 and fetches the JWKS at most once per cooldown', async () => {
    const { privateKey } = await generateKeyPair('RS256')
    const before = api.jwks.fetchCount
    for (let i = 0; i < 5; i++)
      await expect401(await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', kid: `unknown-${i}` }).sign(privateKey), /key/)
    expect(api.jwks.fetchCount - before).toBeLessThanOrEqual(1)
  })

  it('refuses malformed Authorization headers', async () => {
    for (const header of [
      'Basic abc',
      'Bearer',
      'Bearer not-a-jwt',
      `Bearer ${'a'.repeat(10)}.${'b'.repeat(10)}`,
    ]) {
      const response = await api.request('GET', '/tenants', {
        headers: { authorization: header },
      })
      expect(response.status).toBe(401)
    }
  })
})

describe('key rotation', () => {
  it('keeps verifying old and new tokens across a rotation at the IdP, with no fetch in steady state', async () => {
    const local = await createTestApi({ OIDC_JWKS_COOLDOWN_MS: '0' })
    try {
      const old = await local.token(['operator:noc'])
      expect((await local.request('GET', '/tenants', { token: old })).status).toBe(200)
      const steady = local.jwks.fetchCount
      for (let i = 0; i < 20; i++)
        await local.request('GET', '/tenants', { token: old })
      expect(local.jwks.fetchCount).toBe(steady)
      await local.idp.rotateKeys()
      const fresh = await local.token(['operator:noc'])
      expect((await local.request('GET', '/tenants', { token: fresh })).status).toBe(200)
      expect(local.jwks.fetchCount).toBe(steady + 1)
      expect((await local.request('GET', '/tenants', { token: old })).status).toBe(200)
    }
    finally {
      await local.close()
    }
  })
})

describe('when the IdP is unreachable', () => {
  it('cached keys still verify, unknown keys are 401 not 500', async () => {
    const local = await createTestApi({ OIDC_JWKS_COOLDOWN_MS: '0' })
    try {
      const token = await local.token(['operator:noc'])
      expect((await local.request('GET', '/tenants', { token })).status).toBe(200)
      await local.idp.stop()
      expect((await local.request('GET', '/tenants', { token })).status).toBe(200)
      const { privateKey } = await generateKeyPair('RS256')
      const stranger = await new SignJWT({
        ...claims(),
        iss: local.idp.issuer,
      }).setProtectedHeader({ alg: 'RS256', kid: 'stranger' }).sign(privateKey)
      expect((await local.request('GET', '/tenants', { token: stranger })).status).toBe(401)
    }
    finally {
      await local.database.drop()
    }
  })
})

describe('several audiences', () => {
  it('accepts any audience listed in OIDC_AUDIENCE (Authentik sets aud to each provider\'s client id)', async () => {
    const local = await createTestApi({ OIDC_AUDIENCE: 'dezky-portal, dezky-operator' })
    try {
      const base = {
        iss: local.idp.issuer,
        sub: 's',
        iat: now(),
        exp: now() + 60,
        groups: ['operator:noc'],
        amr: ['pwd', 'mfa'],
      }
      expect((await local.request('GET', '/tenants', { token: await local.idp.signJwt({ ...base, aud: 'dezky-portal' }) })).status).toBe(200)
      expect((await local.request('GET', '/tenants', { token: await local.idp.signJwt({ ...base, aud: 'dezky-operator' }) })).status).toBe(200)
      expect((await local.request('GET', '/tenants', { token: await local.idp.signJwt({ ...base, aud: 'dezky-platform-api' }) })).status).toBe(401)
    }
    finally {
      await local.close()
    }
  })
})

describe('verified-token cache', () => {
  it('forgets a cached token when it expires', async () => {
    const token = await api.idp.issueAccessToken({
      sub: 'short-lived',
      groups: ['tenant:acme:member'],
      ttlSeconds: 1,
    })
    expect((await api.request('GET', '/users/me', { token })).status).toBe(200)
    await new Promise(resolve => setTimeout(resolve, 1_100 + api.deps.config.OIDC_CLOCK_TOLERANCE_S * 1000))
    expect((await api.request('GET', '/users/me', { token })).status).toBe(401)
  }, 15_000)

  it('forgets cached tokens when the IdP withdraws their key', async () => {
    const local = await createTestApi({ OIDC_JWKS_COOLDOWN_MS: '0' })
    try {
      const old = await local.token(['operator:noc'])
      expect((await local.request('GET', '/tenants', { token: old })).status).toBe(200)
      await local.idp.rotateKeys({ keepPrevious: false })
      // The first token under the new key makes the API refetch the key set, without the old key.
      expect((await local.request('GET', '/tenants', { token: await local.token(['operator:noc']) })).status).toBe(200)
      expect((await local.request('GET', '/tenants', { token: old })).status).toBe(401)
    }
    finally {
      await local.close()
    }
  })
})

describe('key withdrawal with every token cached', () => {
  it('stops trusting a withdrawn key within refreshMs, even on cache hits', async () => {
    const local = await createTestApi()
    try {
      const jwks = new JwksCache({
        resolveUrl: async () => local.idp.jwksUri,
        cooldownMs: 0,
        refreshMs: 50,
      })
      const verify = createTokenVerifier({
        issuer: local.idp.issuer,
        audience: local.idp.audience,
        jwks,
        clockToleranceSeconds: 5,
      })
      const token = await local.token(['tenant:acme:member'])
      await verify(`Bearer ${token}`)
      await local.idp.rotateKeys({ keepPrevious: false })
      await new Promise(resolve => setTimeout(resolve, 80))
      await verify(`Bearer ${token}`) // a cache hit that starts the due refresh
      await jwks.refresh()
      await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ status: 401 })
    }
    finally {
      await local.close()
    }
  })
})

describe('token type', () => {
  it('with OIDC_ACCESS_TOKEN_TYP=at+jwt, refuses an ID-token-shaped JWT of the same issuer and audience', async () => {
    const local = await createTestApi({ OIDC_ACCESS_TOKEN_TYP: 'at+jwt' })
    try {
      expect((await local.request('GET', '/tenants', { token: await local.token(['operator:noc']) })).status).toBe(200)
      const idTokenShaped = await local.idp.signJwt({
        iss: local.idp.issuer,
        aud: local.idp.audience,
        sub: 'x',
        iat: now(),
        exp: now() + 60,
        nonce: 'n',
        groups: ['operator:noc'],
        amr: ['otp'],
      }, { typ: 'JWT' })
      expect((await local.request('GET', '/tenants', { token: idTokenShaped })).status).toBe(401)
    }
    finally {
      await local.close()
    }
  })
})
