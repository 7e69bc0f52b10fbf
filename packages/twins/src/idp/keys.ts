import type { JWK, JWTHeaderParameters, JWTPayload } from 'jose'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose'

/** RS256 is what Authentik signs with unless an admin picks another certificate. */
export const SIGNING_ALG = 'RS256'

/** A private RSA JWK with `kid`, `alg` and `use` set; the current signing key comes first. */
export type SigningKey = JWK & { kid: string }

export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true })
  const jwk = await exportJWK(privateKey)
  // The RFC 7638 thumbprint is stable for the key, so a kid read from a token always names one key.
  const kid = await calculateJwkThumbprint(jwk)
  return {
    ...jwk,
    kid,
    alg: SIGNING_ALG,
    use: 'sig',
  }
}

/**
 * Keys from `file` when it holds some, else a fresh key (written to `file` when given). Persisting keys
 * keeps tokens that dev apps hold valid across IdP restarts.
 */
export async function loadSigningKeys(file?: string): Promise<SigningKey[]> {
  if (file) {
    const stored = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT')
        return undefined
      throw error
    })
    if (stored !== undefined) {
      const { keys } = JSON.parse(stored) as { keys?: SigningKey[] }
      if (!Array.isArray(keys) || keys.length === 0 || keys.some(key => typeof key.kid !== 'string'))
        throw new Error(`${file} is not a JWK set of signing keys with kid`)
      return keys
    }
  }
  const keys = [await generateSigningKey()]
  if (file)
    await saveSigningKeys(file, keys)
  return keys
}

export async function saveSigningKeys(file: string, keys: readonly SigningKey[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, `${JSON.stringify({ keys }, null, 2)}\n`, { mode: 0o600 })
}

/**
 * A new current key, followed by the one it replaces unless `keepPrevious` is false. Only one previous key
 * stays: enough for tokens minted before the rotation to verify until they expire.
 */
export async function rotateSigningKeys(keys: readonly SigningKey[], keepPrevious = true): Promise<SigningKey[]> {
  const next = await generateSigningKey()
  return keepPrevious && keys[0]
    ? [next, keys[0]]
    : [next]
}

/** Signs `payload` exactly as given (no iat/exp added), with `kid` and `typ: at+jwt` unless overridden. */
export async function signWithKey(key: SigningKey, payload: JWTPayload, header: Partial<JWTHeaderParameters> = {}): Promise<string> {
  const privateKey = await importJWK(key, SIGNING_ALG)
  return new SignJWT(payload)
    .setProtectedHeader({
      alg: SIGNING_ALG,
      kid: key.kid,
      typ: 'at+jwt',
      ...header,
    })
    .sign(privateKey)
}

/** The public half of a signing key, as published in the JWKS. */
export function publicJwk({ d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, oth: _oth, ...rest }: SigningKey): SigningKey {
  return rest
}
