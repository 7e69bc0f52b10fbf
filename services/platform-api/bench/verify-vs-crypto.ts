import type { BenchResult } from '@dezky/bench-kit'
import type { BenchEnv } from './setup'
import { webcrypto } from 'node:crypto'
import { alternate, compare, timeSequential } from '@dezky/bench-kit'
import { importSigningKey, splitToken, verifyRs256 } from './signing-key'

const ITERATIONS = 3_000
const WARMUP_ITERATIONS = 1_000
const ROUNDS = 7

/**
 * (c) The API's token verification as requests meet it — a session's token verified once (jose jwtVerify
 * with our JwksCache, claims checks, principal) and then served from the verified-token cache until it
 * expires — against the floor any verifier pays per call: one node:crypto RSA verify with a key imported
 * beforehand. Alongside: the same verifier with its cache off (every call a full jose verification) and
 * `crypto.subtle.verify` alone, the best jose 6 could do since it verifies through WebCrypto only.
 * Also counts JWKS fetches in the loop: none once the keys are cached.
 */
export async function benchVerifyVsCrypto(env: BenchEnv): Promise<BenchResult> {
  const key = await importSigningKey(env)
  const subtleKey = key.toCryptoKey({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify'])
  const authorization = `Bearer ${env.token}`
  const viaApi = () => env.deps.verifyToken(authorization)
  const viaApiUncached = () => env.verifyTokenUncached(authorization)
  const viaCrypto = () => {
    if (!verifyRs256(env.token, key))
      throw new Error('node:crypto rejected the IdP token')
  }
  const viaSubtle = async () => {
    const { data, signature } = splitToken(env.token)
    if (!await webcrypto.subtle.verify('RSASSA-PKCS1-v1_5', subtleKey, signature, data))
      throw new Error('WebCrypto rejected the IdP token')
  }

  for (const call of [
    viaCrypto,
    viaSubtle,
    viaApi,
    viaApiUncached,
  ])
    await timeSequential(WARMUP_ITERATIONS, call)
  const fetchesBefore = env.jwks.fetchCount
  const perSecond = (call: () => unknown) => async () => ITERATIONS / (await timeSequential(ITERATIONS, call) / 1_000)
  const rounds = await alternate(ROUNDS, {
    baseline: perSecond(viaCrypto),
    candidate: perSecond(viaApi),
    subtle: perSecond(viaSubtle),
    uncached: perSecond(viaApiUncached),
  })
  const jwksFetches = env.jwks.fetchCount - fetchesBefore
  return compare({
    name: 'token verification vs crypto.verify',
    unit: 'verifies/s',
    labels: { baseline: 'crypto.verify (pre-imported key)', candidate: 'createTokenVerifier (session token, cached)' },
    rounds,
    goal: { comparison: '>=', ratio: 0.8 },
    checks: { jwksFetchesInLoop: jwksFetches },
    checksPass: jwksFetches === 0,
    notes: [
      { label: 'createTokenVerifier, cache off (jose on every call)', rounds: rounds.uncached },
      { label: 'crypto.subtle.verify (WebCrypto, what jose 6 uses)', rounds: rounds.subtle },
    ],
  })
}
