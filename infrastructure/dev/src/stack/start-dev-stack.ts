import type { DevStackUrls } from './format-summary'
import type { AppName } from './start-apps'
import { startTwins } from '@dezky/twins'
import { waitForUrl } from '../apps/wait-for-url'
import { demoAdminToken } from '../seed/demo-admin-token'
import { reprovisionDemoTenants } from '../seed/reprovision-demo-tenants'
import { seedDemoData } from '../seed/seed-demo-data'
import { loadDevSecrets } from './dev-secrets'
import { devClients } from './idp-clients'
import { stackPaths } from './paths'
import { assertPortsFree, stackPorts } from './ports'
import { startApi } from './start-api'
import { APPS, startApps } from './start-apps'
import { Teardown } from './teardown'

export interface DevStackOptions {
  /** Repository root; defaults to the one holding this package. */
  root?: string
  /** Defaults to DEZKY_DATA_DIR, else `<root>/.data`. */
  dataDir?: string
  /** Defaults to `DEZKY_DEV_APPS` (comma-separated, empty for none), else both apps. */
  apps?: readonly AppName[]
  /** Aborting stops whatever has started and makes `startDevStack` reject. */
  signal?: AbortSignal
  log?: (message: string) => void
  /** Raw output lines of the apps, already prefixed with their names. */
  write?: (line: string) => void
}

export interface DevStack {
  urls: DevStackUrls
  stop: () => Promise<void>
}

/** First `nuxt dev` of an app builds everything; two at once on two cores take a minute or more. */
const APP_READY_TIMEOUT_MS = 300_000

function appsFromEnv(value: string | undefined): AppName[] {
  if (value === undefined)
    return ['portal', 'operator']
  const names = value.split(',').map(name => name.trim()).filter(Boolean)
  const unknown = names.filter(name => !(name in APPS))
  if (unknown.length)
    throw new Error(`DEZKY_DEV_APPS: unknown app ${unknown.join(', ')} (known: ${Object.keys(APPS).join(', ')})`)
  return names as AppName[]
}

/**
 * Starts the whole product for development, in dependency order: the twins (IdP with its Authentik API,
 * Stalwart, OCIS, SMTP), the platform API (embedded Postgres, inline reconciler provisioning into the
 * twins), demo data through the API, then `nuxt dev` for the portal and the operator console.
 * Resolves once every URL answers; on any failure stops what it started and rejects.
 *
 * @example
 * const stack = await startDevStack()
 * console.log(stack.urls.portal)
 * await stack.stop()
 */
export async function startDevStack(options: DevStackOptions = {}): Promise<DevStack> {
  const { signal, log = message => console.log(`[devstack] ${message}`), write = line => console.log(line) } = options
  const paths = stackPaths(options.root, options.dataDir)
  const ports = stackPorts()
  const names = options.apps ?? appsFromEnv(process.env.DEZKY_DEV_APPS)
  await assertPortsFree(ports, [
    'idp',
    'stalwart',
    'ocis',
    'smtp',
    'smtpWeb',
    'api',
    ...names,
  ])
  const teardown = new Teardown()
  try {
    const secrets = await loadDevSecrets(paths.secretsFile)

    log(`starting the twins: IdP and Authentik API :${ports.idp}, Stalwart :${ports.stalwart}, OCIS :${ports.ocis}, SMTP :${ports.smtp} (mail page :${ports.smtpWeb})`)
    const twins = await startTwins({
      idp: {
        port: ports.idp,
        issuer: `http://localhost:${ports.idp}`,
        clients: devClients(ports),
        keystoreFile: paths.idpKeystore,
        cookieKeys: secrets.idpCookieKeys,
      },
      ports: {
        stalwart: ports.stalwart,
        ocis: ports.ocis,
        smtp: ports.smtp,
        smtpHttp: ports.smtpWeb,
      },
    })
    const { idp } = twins
    teardown.add('twins', () => twins.stop())
    signal?.throwIfAborted()

    log(`starting the platform API on :${ports.api} (data in ${paths.dataDir}), its reconciler provisioning into the twins`)
    const api = await startApi({
      port: ports.api,
      dataDir: paths.dataDir,
      postgresDir: paths.postgresDir,
      idp,
      // The twins' settings win over the shell's: the demo users exist in this IdP only.
      env: {
        PORTAL_URL: `http://localhost:${ports.portal}`,
        // So the domains page lists MX and autoconfig records before the mail step has a domain's zone.
        MAIL_MX_HOST: 'mail.dezky.test',
        ...process.env,
        ...twins.env,
      },
      log,
    })
    teardown.add('platform API and PostgreSQL', () => api.stop())
    signal?.throwIfAborted()

    const token = await demoAdminToken(idp)
    const report = await seedDemoData({ apiUrl: api.url, token })
    log(`demo data: ${report.created.length} created, ${report.existing.length} already there`)
    const kept = report.existing.filter(label => label.startsWith('tenant ')).map(label => label.slice('tenant '.length))
    const { stale } = await reprovisionDemoTenants({ apiUrl: api.url, token, slugs: kept })
    for (const tenant of stale)
      log(`tenant ${tenant.slug} has domains ${tenant.domains.join(', ')} from an older data dir (the demo uses ${tenant.expected.join(', ')}): delete ${paths.dataDir} for a clean start`)
    signal?.throwIfAborted()

    log(names.length
      ? `starting nuxt dev for ${names.join(' and ')}`
      : 'DEZKY_DEV_APPS is empty: no apps')
    const apps = startApps({
      names,
      root: paths.root,
      ports,
      apiUrl: api.url,
      issuer: idp.issuer,
      secrets,
      write,
    })
    for (const app of apps)
      teardown.add(app.name, () => app.stop())
    await Promise.all(apps.map(app => waitForUrl(app.url, { timeoutMs: APP_READY_TIMEOUT_MS, signal, exited: app.exited })))
    for (const app of apps)
      void app.exited.then(code => log(`${app.name} exited (code ${code})`))

    const apiUrl = api.url.replace('127.0.0.1', 'localhost')
    const urls: DevStackUrls = {
      portal: apps.find(app => app.name === 'portal')?.url,
      operator: apps.find(app => app.name === 'operator')?.url,
      api: apiUrl,
      apiReference: `${apiUrl}/docs`,
      idp: idp.issuer,
      twins: {
        authentik: idp.authentik.url,
        stalwart: twins.stalwart.url,
        ocis: twins.ocis.url,
        smtp: twins.smtp.smtpUrl,
        mailPage: `${twins.smtp.url}/`,
      },
    }
    await waitForUrl(urls.apiReference, { timeoutMs: 10_000, signal })
    signal?.throwIfAborted()
    return {
      urls,
      stop: () => teardown.run(log),
    }
  }
  catch (error) {
    await teardown.run(log)
    throw error
  }
}
