import type { Idp } from '@dezky/twins'
import type { Seed } from './internal/seed-through-api'
import type { StackLayout } from './stack-layout'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPlatformApi } from '@dezky/platform-api'
import { freePort, startIdp } from '@dezky/twins'
import { seedThroughApi } from './internal/seed-through-api'

export interface E2eStack {
  idp: Idp
  apiUrl: string
  stop: () => Promise<void>
}

/**
 * The stack an app talks to, in the Playwright process: the IdP twin with only this app's client, and
 * the platform API on a throwaway embedded Postgres, seeded through the API itself as an operator would.
 *
 * @example
 * // e2e/global-setup.ts
 * export default async function globalSetup() {
 *   const stack = await startStack(STACK, { partners: [SEED_PARTNER], tenants: [SEED_TENANT] })
 *   return stack.stop
 * }
 */
export async function startStack(layout: StackLayout, seed: Seed = {}): Promise<E2eStack> {
  const dataDir = await mkdtemp(join(tmpdir(), `${layout.client.clientId}-e2e-`))
  const cleanups: (() => Promise<void>)[] = [
    () => rm(dataDir, { recursive: true, force: true }),
  ]
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse())
      await cleanup()
  }
  try {
    const idp = await startIdp({
      port: layout.ports.idp,
      issuer: layout.idpIssuer,
      clients: [layout.client],
    })
    cleanups.push(idp.stop)
    const api = await startPlatformApi({
      PORT: String(layout.ports.api),
      HOST: '127.0.0.1',
      DEZKY_DATA_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(layout.ports.embeddedPostgres ?? await freePort()),
      OIDC_ISSUER: idp.issuer,
      OIDC_AUDIENCE: idp.audience,
      // The access tokens the apps get from the token endpoint must be RFC 9068 `at+jwt`, as in dev.
      OIDC_ACCESS_TOKEN_TYP: 'at+jwt',
      LOG_LEVEL: 'error',
    })
    cleanups.push(api.stop)
    await seedThroughApi(idp, api.url, seed)
    return { idp, apiUrl: api.url, stop }
  }
  catch (error) {
    await stop()
    throw error
  }
}
