import type { Logger } from 'pino'
import type { Config } from '../config'
import type { AuthentikDriver } from '../provisioning/identity/authentik-driver'
import type { SsoApplication } from './fetch-user-applications'
import { createAuthentikDriver } from '../provisioning/identity/authentik-driver'
import { fetchUserApplications } from './fetch-user-applications'

export type { SsoApplication } from './fetch-user-applications'

/** A person's list changes when an admin edits Authentik or their groups, rarely: not every visit asks. */
const FRESH_MS = 60_000
/** After a failure, wait this long before asking again, so an outage does not slow every page by a timeout. */
const FAILED_RETRY_MS = 10_000
/** A page of the launcher waits for Authentik at most this long (the reconciler's own deadline may be longer). */
const MAX_WAIT_MS = 3_000
/** People whose lists are kept; the least recently asked for is dropped beyond this. */
const MAX_PEOPLE = 1_000

interface Entry {
  apps?: SsoApplication[]
  /** When `apps` may be served without asking again. */
  freshUntil: number
  pending?: Promise<SsoApplication[]>
}

interface Cache {
  driver: AuthentikDriver
  /** By subject, in order of last use (a Map iterates in insertion order). */
  people: Map<string, Entry>
}

const caches = new WeakMap<Config, Cache>()

function cacheFor(config: Config, baseUrl: string, apiToken: string): Cache {
  let cache = caches.get(config)
  if (!cache) {
    cache = {
      driver: createAuthentikDriver({
        baseUrl,
        apiToken,
        timeoutMs: Math.min(config.UPSTREAM_TIMEOUT_MS, MAX_WAIT_MS),
      }),
      people: new Map(),
    }
    caches.set(config, cache)
  }
  return cache
}

function entryFor(cache: Cache, subject: string): Entry {
  const entry = cache.people.get(subject) ?? { freshUntil: 0 }
  cache.people.delete(subject)
  cache.people.set(subject, entry)
  for (const oldest of cache.people.keys()) {
    if (cache.people.size <= MAX_PEOPLE)
      break
    cache.people.delete(oldest)
  }
  return entry
}

export interface ListSsoApplicationsOptions {
  config: Config
  logger: Logger
  /** The caller's `sub`: their Authentik user's uuid. */
  subject: string
}

/**
 * The Authentik applications with a launch URL that the caller may open, from an in-process cache kept
 * per person for a minute (one request per person at a time, the least recently used dropped beyond
 * 1,000 people). Authentik unset or failing never fails the caller: the last list known for them is
 * served (or none), the failure is logged, and Authentik is asked again after a short pause.
 *
 * @example
 * const apps = await listSsoApplications({ config: deps.config, logger: deps.logger, subject: principal.subject })
 */
export async function listSsoApplications({ config, logger, subject }: ListSsoApplicationsOptions): Promise<SsoApplication[]> {
  if (!config.AUTHENTIK_URL || !config.AUTHENTIK_TOKEN)
    return []
  const cache = cacheFor(config, config.AUTHENTIK_URL, config.AUTHENTIK_TOKEN)
  const entry = entryFor(cache, subject)
  if (Date.now() < entry.freshUntil)
    return entry.apps ?? []
  entry.pending ??= fetchUserApplications(cache.driver, subject).then((apps) => {
    entry.apps = apps
    entry.freshUntil = Date.now() + FRESH_MS
    return apps
  }, (error: unknown) => {
    logger.warn({ err: error }, 'launcher: Authentik applications unavailable; serving the last list known')
    entry.freshUntil = Date.now() + FAILED_RETRY_MS
    return entry.apps ?? []
  }).finally(() => {
    entry.pending = undefined
  })
  return entry.pending
}
