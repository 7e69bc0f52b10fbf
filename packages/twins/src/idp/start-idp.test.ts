import type { Idp } from './start-idp'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USERS } from './demo-users'
import { startIdp } from './start-idp'

const paula = DEMO_USERS.find(user => user.email === 'paula.martins@nimbus.example')!
const now = () => Math.floor(Date.now() / 1000)

async function jwksKids(idp: Idp): Promise<string[]> {
  const { keys } = await (await fetch(idp.jwksUri)).json() as { keys: { kid: string }[] }
  return keys.map(key => key.kid)
}

function verify(idp: Idp, token: string) {
  return jwtVerify(token, createRemoteJWKSet(new URL(idp.jwksUri), { cacheMaxAge: 0 }), { issuer: idp.issuer, audience: idp.audience })
}

describe('a started IdP', () => {
  let idp: Idp
  beforeAll(async () => {
    idp = await startIdp({ accessTokenTtlSeconds: 120 })
  })
  afterAll(() => idp.stop())

  it('serves discovery for a localhost issuer and a public RS256 JWKS', async () => {
    expect(idp.issuer).toMatch(/^http:\/\/localhost:\d+$/)
    const discovery = await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()
    expect(discovery).toMatchObject({
      issuer: idp.issuer,
      jwks_uri: idp.jwksUri,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      id_token_signing_alg_values_supported: ['RS256'],
    })
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'email', 'groups']))
    const { keys } = await (await fetch(idp.jwksUri)).json() as { keys: Record<string, unknown>[] }
    expect(keys).toHaveLength(1)
    expect(keys[0]).toMatchObject({
      kty: 'RSA',
      alg: 'RS256',
      use: 'sig',
      kid: expect.any(String),
    })
    expect(keys[0]).not.toHaveProperty('d')
  })

  it('issues access tokens that verify against the remote JWKS, with the user claims', async () => {
    const token = await idp.issueAccessToken({ sub: paula.subject })
    const { payload, protectedHeader } = await verify(idp, token)
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'at+jwt', kid: (await jwksKids(idp))[0] })
    expect(payload).toMatchObject({
      iss: idp.issuer,
      aud: 'dezky-platform-api',
      sub: paula.subject,
      client_id: 'dezky-portal',
      groups: ['partner:nimbus:partner_admin'],
      amr: ['pwd'],
      email: paula.email,
      name: paula.name,
    })
    expect(payload.exp! - payload.iat!).toBe(120)
  })

  it('lets callers override claims and lifetime for users it does not know', async () => {
    const token = await idp.issueAccessToken({
      sub: 'svc-1',
      groups: ['tenant:acme:admin'],
      amr: ['pwd', 'otp'],
      email: 'x@acme.example',
      ttlSeconds: 30,
    })
    const { payload } = await verify(idp, token)
    expect(payload).toMatchObject({
      sub: 'svc-1',
      groups: ['tenant:acme:admin'],
      amr: ['pwd', 'otp'],
      email: 'x@acme.example',
    })
    expect(payload.exp! - payload.iat!).toBe(30)
  })

  it('signs forged tokens whose signature verifies but whose claims do not', async () => {
    const base = {
      iss: idp.issuer,
      aud: idp.audience,
      sub: paula.subject,
      iat: now() - 600,
    }
    await expect(verify(idp, await idp.signJwt({ ...base, exp: now() - 300 }))).rejects.toBeInstanceOf(errors.JWTExpired)
    await expect(verify(idp, await idp.signJwt({ ...base, aud: 'other-api', exp: now() + 60 }))).rejects.toThrow(/"aud"/)
    await expect(verify(idp, await idp.signJwt({ ...base, iss: 'http://localhost:1', exp: now() + 60 }))).rejects.toThrow(/"iss"/)
    await expect(verify(idp, await idp.signJwt({ ...base, exp: now() + 60 }))).resolves.toBeTruthy()
  })

  it('rotates keys: new tokens carry the new kid, the previous key stays published unless dropped', async () => {
    const [oldKid] = await jwksKids(idp)
    const before = await idp.issueAccessToken({ sub: paula.subject })

    const { kid } = await idp.rotateKeys()
    expect(kid).not.toBe(oldKid)
    expect(await jwksKids(idp)).toEqual([kid, oldKid])
    expect(decodeProtectedHeader(await idp.issueAccessToken({ sub: paula.subject })).kid).toBe(kid)
    expect(decodeProtectedHeader(await idp.signJwt({ sub: 'x' })).kid).toBe(kid)
    await expect(verify(idp, before)).resolves.toBeTruthy()

    const { kid: newest } = await idp.rotateKeys({ keepPrevious: false })
    expect(await jwksKids(idp)).toEqual([newest])
    await expect(verify(idp, before)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey)
  })
})

describe('startIdp options', () => {
  it('refuses an issuer that is not a localhost origin', async () => {
    await expect(startIdp({ issuer: 'http://idp.example' })).rejects.toThrow(/localhost/)
    await expect(startIdp({ issuer: 'http://localhost:4010/application/o/dezky/' })).rejects.toThrow(/without a path/)
  })

  it('keeps signing keys in the keystore file across restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dezky-idp-'))
    try {
      const keystoreFile = join(dir, 'nested', 'keys.json')
      const first = await startIdp({ keystoreFile })
      const kids = await jwksKids(first)
      const token = await first.issueAccessToken({ sub: paula.subject })
      await first.stop()

      const second = await startIdp({ keystoreFile })
      expect(await jwksKids(second)).toEqual(kids)
      const { kid } = await second.rotateKeys()
      await second.stop()

      const third = await startIdp({ keystoreFile })
      expect(await jwksKids(third)).toEqual([kid, ...kids])
      await expect(jwtVerify(token, createRemoteJWKSet(new URL(third.jwksUri)), { audience: third.audience })).resolves.toBeTruthy()
      await third.stop()
    }
    finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
