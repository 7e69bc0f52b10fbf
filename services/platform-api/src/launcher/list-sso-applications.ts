import type { Logger } from 'pino'
import type { Config } from '../config'
import type { AuthentikDriver } from '../provisioning/identity/authentik-driver'
import { createAuthentikDriver } from '../provisioning/identity/authentik-driver'

/** An application people open through Authentik's single sign-on. */
export interface SsoApplication {
  slug: string
  name: string
  launchUrl: string
  description: string | null
}

/** The list changes when an admin edits Authentik, rarely: every portal visit need not ask for it. */
const FRESH_MS = 60_000
/** After a failure, wait this long before asking again, so an outage does not slow every page by a timeout. */
const FAILED_RETRY_MS = 10_000
/** A page of the launcher waits for Authentik at most this long (the reconciler's own deadline may be longer). */
const MAX_WAIT_MS = 3_000
const PAGE_SIZE = 100
const MAX_PAGES = 10

interface Cache {
  driver: AuthentikDriver
  apps?: SsoApplication[]
  /** When `apps` may be served without asking again. */
  freshUntil: number
  pending?: Promise<SsoApplication[]>
}

const caches = new WeakMap<Config, Cache>()

async function fetchApplications(driver: AuthentikDriver): Promise<SsoApplication[]> {
  const apps: SsoApplication[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await driver.call('list applications', init => driver.core.coreApplicationsList({
      onlyWithLaunchUrl: true,
      ordering: 'name',
      page,
      pageSize: PAGE_SIZE,
    }, init))
    for (const app of answer.results) {
      // Hidden apps stay out of people's library in Authentik; a launcher shows only web addresses.
      if (app.metaHide || !app.launchUrl || !/^https?:\/\//i.test(app.launchUrl))
        continue
      apps.push({
        slug: app.slug,
        name: app.name,
        launchUrl: app.launchUrl,
        description: app.metaDescription || null,
      })
    }
    if (!answer.pagination.next)
      break
  }
  return apps
}

/**
 * The Authentik applications that have a launch URL, from an in-process cache refreshed at most once a
 * minute (one request at a time). Authentik unset or failing never fails the caller: the last list
 * known is served (or none), the failure is logged, and Authentik is asked again after a short pause.
 *
 * @example
 * const apps = await listSsoApplications(deps.config, deps.logger)
 */
export async function listSsoApplications(config: Config, logger: Logger): Promise<SsoApplication[]> {
  if (!config.AUTHENTIK_URL || !config.AUTHENTIK_TOKEN)
    return []
  let cache = caches.get(config)
  if (!cache) {
    cache = {
      driver: createAuthentikDriver({
        baseUrl: config.AUTHENTIK_URL,
        apiToken: config.AUTHENTIK_TOKEN,
        timeoutMs: Math.min(config.UPSTREAM_TIMEOUT_MS, MAX_WAIT_MS),
      }),
      freshUntil: 0,
    }
    caches.set(config, cache)
  }
  if (Date.now() < cache.freshUntil)
    return cache.apps ?? []
  const current = cache
  current.pending ??= fetchApplications(current.driver).then((apps) => {
    current.apps = apps
    current.freshUntil = Date.now() + FRESH_MS
    return apps
  }, (error: unknown) => {
    logger.warn({ err: error }, 'launcher: Authentik applications unavailable; serving the last list known')
    current.freshUntil = Date.now() + FAILED_RETRY_MS
    return current.apps ?? []
  }).finally(() => {
    current.pending = undefined
  })
  return current.pending
}
