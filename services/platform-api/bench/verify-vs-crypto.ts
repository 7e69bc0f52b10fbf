import type { BenchResult } from './result'
import type { BenchEnv } from './setup'
import { webcrypto } from 'node:crypto'
import { alternate, timeSequential } from './measure'
import { compare } from './result'
import { importSigningKey, splitToken, verifyRs256 } from './signing-key'

const ITERATIONS = 3_000
const WARMUP_ITERATIONS = 1_000
const ROUNDS = 7

/**
 * (c) The API's token verification (jose jwtVerify with our JwksCache, claims checks, principal) against the
 * floor any verifier pays: split the token, decode the signature, one node:crypto RSA verify with a key
 * imported beforehand. jose 6 verifies through WebCrypto only, so `crypto.subtle.verify` alone is measured
 * alongside as the best jose could do. Also counts JWKS fetches in the loop: none once the cache is warm.
 */
export async function benchVerifyVsCrypto(env: BenchEnv): Promise<BenchResult> {
  const key = await importSigningKey(env)
  const subtleKey = key.toCryptoKey({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify'])
  const authorization = `Bearer ${env.token}`
  const viaApi = () => env.deps.verifyToken(authorization)
  const viaCrypto = () => {
    if (!verifyRs256(env.token, key))
      throw new Error('node:crypto rejected the IdP token')
  }
  const viaSubtle = async () => {
    const { data, signature } = splitToken(env.token)
    if (!await webcrypto.subtle.verify('RSASSA-PKCS1-v1_5', subtleKey, signature, data))
      throw new Error('WebCrypto rejected the IdP token')
  }

  for (const call of [viaCrypto, viaSubtle, viaApi])
    await timeSequential(WARMUP_ITERATIONS, call)
  const fetchesBefore = env.jwks.fetchCount
  const perSecond = (call: () => unknown) => async () => ITERATIONS / (await timeSequential(ITERATIONS, call) / 1_000)
  const rounds = await alternate(ROUNDS, {
    baseline: perSecond(viaCrypto),
    candidate: perSecond(viaApi),
    subtle: perSecond(viaSubtle),
  })
  const jwksFetches = env.jwks.fetchCount - fetchesBefore
  return compare({
    name: 'token verification vs crypto.verify',
    unit: 'verifies/s',
    labels: { baseline: 'crypto.verify (pre-imported key)', candidate: 'createTokenVerifier (jose + JwksCache)' },
    rounds,
    goal: { comparison: '>=', ratio: 0.8 },
    checks: { jwksFetchesInLoop: jwksFetches },
    checksPass: jwksFetches === 0,
    notes: [
      { label: 'crypto.subtle.verify (WebCrypto, what jose 6 uses)', rounds: rounds.subtle },
    ],
  })
}
