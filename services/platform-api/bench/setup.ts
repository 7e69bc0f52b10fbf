import type { H3 } from 'h3'
import type { JwksCache } from '../src/auth/jwks-cache'
import type { TokenVerifier } from '../src/auth/verify-token'
import type { AppDeps } from '../src/deps'
import type { Fixture } from '../test/fixtures'
import type { BenchIdp } from './idp-thread'
import pino from 'pino'
import { createApp } from '../src/app'
import { tokenVerificationFromConfig } from '../src/auth/token-verification'
import { loadConfig } from '../src/config'
import { createDatabase } from '../src/db/client'
import { migrateDatabase } from '../src/db/migrate'
import { createFlagRuntime } from '../src/flag-evaluation/flag-runtime'
import { createOperatorEvents } from '../src/operator-events/operator-events'
import { createProvisioningEvents } from '../src/provisioning/provisioning-events'
import { createMetrics } from '../src/system/metrics'
import { seedFixture } from '../test/fixtures'
import { startIdpThread } from './idp-thread'
import { startBenchDatabase } from './start-database'

/** The groups of the caller every benchmark acts as: the owner of `acme`, so queries carry a real scope. */
export const BENCH_GROUPS = ['tenant:acme:owner']

export interface BenchEnv {
  app: H3
  deps: AppDeps
  idp: BenchIdp
  jwks: JwksCache
  fixture: Fixture
  /** A real access token from the IdP twin for BENCH_GROUPS, valid for the whole run. */
  token: string
  verifyTokenUncached: TokenVerifier
  close: () => Promise<void>
}

/**
 * The API wired as main.ts wires it (real IdP twin, real Postgres, migrated and seeded), with logging off
 * so the benchmarks measure the request path rather than a log sink.
 */
export async function startBenchEnv(): Promise<BenchEnv> {
  const stops: (() => Promise<void>)[] = []
  const close = async () => {
    for (const stop of stops.reverse())
      await stop().catch(error => console.error('bench: cleanup failed:', error))
  }
  try {
    const idp = await startIdpThread()
    stops.push(() => idp.stop())
    const database = await startBenchDatabase()
    stops.push(() => database.stop())
    const config = loadConfig({
      OIDC_ISSUER: idp.issuer,
      OIDC_AUDIENCE: idp.audience,
      DATABASE_URL: database.url,
      LOG_LEVEL: 'silent',
    })
    const db = createDatabase({ url: database.url, poolMax: config.DATABASE_POOL_MAX })
    stops.push(() => db.$client.end())
    await migrateDatabase(db)
    const fixture = await seedFixture(db)
    const { jwks, verifyToken } = tokenVerificationFromConfig(config)
    const deps: AppDeps = {
      config,
      db,
      logger: pino({ level: 'silent' }),
      verifyToken,
      metrics: createMetrics(db.$client),
      provisioningEvents: createProvisioningEvents(db, pino({ level: 'silent' })),
      operatorEvents: createOperatorEvents(db, pino({ level: 'silent' })),
      flags: createFlagRuntime(db, config, pino({ level: 'silent' })),
    }
    stops.push(() => deps.provisioningEvents.close())
    stops.push(() => deps.flags.close())
    // The same verifier without its verified-token cache: what a token costs the first time it is seen.
    const verifyTokenUncached = tokenVerificationFromConfig(config, { jwks, cacheMaxEntries: 0 }).verifyToken
    const token = await idp.issueAccessToken({
      sub: 'bench-owner',
      groups: BENCH_GROUPS,
      amr: ['pwd'],
    })
    return {
      app: createApp(deps),
      deps,
      idp,
      jwks,
      fixture,
      token,
      verifyTokenUncached,
      close,
    }
  }
  catch (error) {
    await close()
    throw error
  }
}
