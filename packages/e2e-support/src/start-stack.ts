import type { Idp } from '@dezky/twins'
import type { Seed } from './internal/seed-through-api'
import type { StackLayout } from './stack-layout'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPlatformApi } from '@dezky/platform-api'
import { freePort } from '@dezky/twins'
import { startControlServer } from './internal/control-server'
import { seedThroughApi } from './internal/seed-through-api'
import { startUpstreams } from './internal/start-upstreams'
import { startAppServer } from './start-app-server'

export interface E2eStack {
  idp: Idp
  apiUrl: string
  stop: () => Promise<void>
}

export interface StartStackOptions {
  /** The app's package directory (its build in `.output/`); needed when the layout has a control port. */
  appDir?: string
}

/**
 * The stack an app talks to, in the Playwright runner's process: the IdP twin with only this app's
 * client (or every upstream twin, when the layout has twin ports) and the platform API on a throwaway
 * embedded Postgres with its reconciler inline, seeded through the API itself as an operator would; with
 * a control port, also the built app and the control endpoint specs use (`stackControl`).
 *
 * @example
 * // e2e/global-setup.ts
 * export default async function globalSetup(config: FullConfig) {
 *   const stack = await startStack(STACK, { tenants: [SEED_TENANT] }, { appDir: config.rootDir })
 *   return stack.stop
 * }
 */
export async function startStack(layout: StackLayout, seed: Seed = {}, options: StartStackOptions = {}): Promise<E2eStack> {
  const dataDir = await mkdtemp(join(tmpdir(), `${layout.client.clientId}-e2e-`))
  const cleanups: (() => Promise<void>)[] = [
    () => rm(dataDir, { recursive: true, force: true }),
  ]
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse())
      await cleanup()
  }
  try {
    const upstreams = await startUpstreams(layout)
    cleanups.push(upstreams.stop)
    const { idp } = upstreams
    const api = await startPlatformApi({
      ...upstreams.apiEnv,
      PORT: String(layout.ports.api),
      HOST: '127.0.0.1',
      DEZKY_DATA_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(layout.ports.embeddedPostgres ?? await freePort()),
      OIDC_ISSUER: idp.issuer,
      OIDC_AUDIENCE: idp.audience,
      // The access tokens the apps get from the token endpoint must be RFC 9068 `at+jwt`, as in dev.
      OIDC_ACCESS_TOKEN_TYP: 'at+jwt',
      LOG_LEVEL: 'error',
      ...layout.apiEnv,
    })
    cleanups.push(api.stop)
    await seedThroughApi(idp, api.url, seed)

    if (layout.ports.control !== undefined) {
      if (!options.appDir)
        throw new Error('a layout with a control port needs startStack(…, { appDir }) to run the app')
      const app = await startAppServer({
        appDir: options.appDir,
        storageDir: join(dataDir, 'app'),
        env: layout.appEnv,
        // Answers 401 without a session: the server is up.
        readyUrl: `${layout.appUrl}/api/_auth/session`,
        label: layout.client.clientId,
      })
      cleanups.push(app.stop)
      const control = await startControlServer(layout.ports.control, { idp, app, dns: upstreams.dns })
      cleanups.push(control.stop)
    }
    return { idp, apiUrl: api.url, stop }
  }
  catch (error) {
    await stop()
    throw error
  }
}
