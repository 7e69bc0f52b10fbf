import type { JsonWebKey, KeyObject } from 'node:crypto'
import type { BenchEnv } from './setup'
import { createPublicKey, verify } from 'node:crypto'

/** The IdP's public key for the bench token's `kid`, fetched and imported once, outside anything measured. */
export async function importSigningKey(env: BenchEnv): Promise<KeyObject> {
  const header = JSON.parse(Buffer.from(env.token.split('.')[0]!, 'base64url').toString()) as { alg?: string, kid?: string }
  if (header.alg !== 'RS256')
    throw new Error(`the baselines verify RS256; the IdP signed with ${header.alg}`)
  const response = await fetch(env.idp.jwksUri)
  const { keys } = await response.json() as { keys: JsonWebKey[] }
  const jwk = keys.find(k => k.kid === header.kid)
  if (!jwk)
    throw new Error(`no JWKS key for kid ${header.kid}`)
  return createPublicKey({ key: jwk, format: 'jwk' })
}

/** A compact JWS split into what a signature check needs: the signed bytes and the decoded signature. */
export function splitToken(token: string): { data: Buffer, signature: Buffer } {
  const [header, payload, signature] = token.split('.') as [string, string, string]
  return {
    data: Buffer.from(`${header}.${payload}`),
    signature: Buffer.from(signature, 'base64url'),
  }
}

/** The least work that checks an RS256 token: one synchronous node:crypto verify. */
export function verifyRs256(token: string, key: KeyObject): boolean {
  const { data, signature } = splitToken(token)
  return verify('RSA-SHA256', data, key, signature)
}
