import type { Server } from 'srvx'
import type { JwksCache } from './auth/jwks-cache'
import type { EmbeddedPostgresHandle } from './db/embedded'
import type { AppDeps } from './deps'
import { join } from 'node:path'
import pino from 'pino'
import { serve } from 'srvx/node'
import { createApp } from './app'
import { tokenVerificationFromConfig } from './auth/token-verification'
import { loadConfig } from './config'
import { createDatabase } from './db/client'
import { startEmbeddedPostgres } from './db/embedded'
import { migrateDatabase } from './db/migrate'
import { assertFlagsEnvironment } from './flag-evaluation/assert-flags-environment'
import { createFlagRuntime } from './flag-evaluation/flag-runtime'
import { startFlagScheduleRunner } from './flags/start-flag-schedule-runner'
import { createOperatorEvents } from './operator-events/operator-events'
import { probeRunnerFromConfig } from './probes/probe-runner-from-config'
import { createProvisioningEvents } from './provisioning/provisioning-events'
import { reconcilerFromConfig } from './provisioning/worker/reconciler-from-config'
import { recordStepMetrics } from './provisioning/worker/record-step-metrics'
import { createMetrics } from './system/metrics'

export interface PlatformApi {
  url: string
  deps: AppDeps
  jwks: JwksCache
  stop: () => Promise<void>
}

export class StartupError extends Error {
  override name = 'StartupError'
}

/**
 * Starts the API: config → Postgres (DATABASE_URL or embedded) → migrations → HTTP. A database that cannot
 * be reached at start is a StartupError naming the URL's host, so the process exits with a clear reason.
 */
export async function startPlatformApi(env: Record<string, string | undefined> = process.env): Promise<PlatformApi> {
  const config = loadConfig(env)
  const logger = pino({
    level: config.LOG_LEVEL,
    base: { service: 'platform-api' },
    redact: ['req.headers.authorization'],
  })
  let embedded: EmbeddedPostgresHandle | undefined
  let databaseUrl = config.DATABASE_URL
  if (!databaseUrl) {
    logger.info({ dataDir: config.DEZKY_DATA_DIR }, 'DATABASE_URL unset: starting embedded PostgreSQL')
    embedded = await startEmbeddedPostgres({
      dataDir: join(config.DEZKY_DATA_DIR, 'postgres'),
      port: config.EMBEDDED_POSTGRES_PORT,
      onLog: message => logger.debug({
        postgres: message.trim(),
      }),
    }).catch((error) => {
      throw new StartupError(`Embedded PostgreSQL did not start (data dir ${config.DEZKY_DATA_DIR}/postgres, port ${config.EMBEDDED_POSTGRES_PORT}): ${(error as Error | undefined)?.message ?? 'it exited at once (is the port taken?)'}`)
    })
    databaseUrl = embedded.url
  }
  const db = createDatabase({
    url: databaseUrl,
    poolMax: config.DATABASE_POOL_MAX,
    onError: error => logger.warn({ err: error.message }, 'idle database client failed'),
  })
  try {
    await migrateDatabase(db)
  }
  catch (error) {
    await db.$client.end().catch(() => {})
    await embedded?.stop()
    throw new StartupError(`Database at ${safeHost(databaseUrl)} is not usable: ${(error as Error).message}`)
  }

  const { jwks, verifyToken } = tokenVerificationFromConfig(config)
  const deps: AppDeps = {
    config,
    db,
    logger,
    verifyToken,
    metrics: createMetrics(db.$client),
    provisioningEvents: createProvisioningEvents(db, logger),
    operatorEvents: createOperatorEvents(db, logger),
    flags: createFlagRuntime(db, config, logger),
  }
  try {
    await assertFlagsEnvironment(db, deps.flags.environment)
  }
  catch (error) {
    await db.$client.end().catch(() => {})
    await embedded?.stop()
    throw new StartupError((error as Error).message)
  }
  const reconciler = config.RECONCILER === 'inline'
    ? reconcilerFromConfig(config, db, logger, {
        onFinished: recordStepMetrics(deps.metrics),
      })
    : undefined
  const prober = config.PROBES === 'inline'
    ? probeRunnerFromConfig(config, db, logger)
    : undefined
  const flagSchedules = config.FLAG_SCHEDULES === 'inline'
    ? startFlagScheduleRunner({ db, logger, intervalMs: config.FLAG_SCHEDULE_INTERVAL_SECONDS * 1000 })
    : undefined
  const app = createApp(deps)
  const server: Server = serve({
    fetch: app.fetch,
    port: config.PORT,
    hostname: config.HOST,
    silent: true,
    gracefulShutdown: false,
  })
  await server.ready()
  const url = server.url!.replace(/\/$/, '')
  logger.info({ url, issuer: config.OIDC_ISSUER, embeddedPostgres: !!embedded }, 'platform API listening')
  return {
    url,
    deps,
    jwks,
    stop: async () => {
      await server.close(true)
      await reconciler?.stop()
      await prober?.stop()
      await flagSchedules?.stop()
      await deps.provisioningEvents.close()
      await deps.operatorEvents.close()
      await deps.flags.close()
      await db.$client.end()
      await embedded?.stop()
    },
  }
}

function safeHost(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`
  }
  catch {
    return 'the configured DATABASE_URL'
  }
}
