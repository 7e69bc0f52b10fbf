import process from 'node:process'
import pino from 'pino'
import { loadConfig } from './config'
import { createDatabase } from './db/client'
import { reconcilerFromConfig } from './provisioning/worker/reconciler-from-config'

/**
 * A reconciler worker on its own (`pnpm --filter @dezky/platform-api worker`): run as many as needed
 * beside API processes started with RECONCILER=off. It needs DATABASE_URL and a migrated database.
 */
async function main(): Promise<void> {
  const config = loadConfig()
  const logger = pino({
    level: config.LOG_LEVEL,
    base: { service: 'reconciler' },
  })
  if (!config.DATABASE_URL)
    throw new Error('DATABASE_URL is required: a separate worker shares the API\'s database')
  const db = createDatabase({
    url: config.DATABASE_URL,
    poolMax: config.RECONCILER_CONCURRENCY + 3,
    onError: error => logger.warn({ err: error.message }, 'idle database client failed'),
  })
  const { rows } = await db.$client.query(`select to_regclass('provisioning_steps') as t`)
  if (!rows[0]?.t)
    throw new Error('the database has no provisioning_steps table: start the API once to migrate it')
  const reconciler = reconcilerFromConfig(config, db, logger)
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping)
      return
    stopping = true
    logger.info({ signal }, 'stopping')
    await reconciler.stop()
    await db.$client.end()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error) => {
  console.error(`reconciler: ${(error as Error).message}`)
  process.exit(1)
})
