import type { Config } from '../config'
import type { AuthentikDriver } from '../provisioning/identity/authentik-driver'
import { Problem } from '../http/problem'
import { createAuthentikDriver } from '../provisioning/identity/authentik-driver'
import { UpstreamError } from '../provisioning/upstream-error'

/** Seconds after which asking again makes sense when Authentik failed. */
const RETRY_AFTER_SECONDS = 30

const drivers = new WeakMap<Config, AuthentikDriver>()

/**
 * The Authentik driver the operator routes use. The team lives in Authentik, so without it configured
 * these routes cannot answer at all: 503 without Retry-After, since waiting will not help.
 *
 * @example
 * const driver = operatorDirectory(deps.config)
 */
export function operatorDirectory(config: Config): AuthentikDriver {
  if (!config.AUTHENTIK_URL || !config.AUTHENTIK_TOKEN) {
    throw new Problem(503, 'Identity provider not configured', {
      detail: 'The operator team is kept in the identity provider, and none is configured (AUTHENTIK_URL, AUTHENTIK_TOKEN).',
    })
  }
  let driver = drivers.get(config)
  if (!driver) {
    driver = createAuthentikDriver({ baseUrl: config.AUTHENTIK_URL, apiToken: config.AUTHENTIK_TOKEN, timeoutMs: config.UPSTREAM_TIMEOUT_MS })
    drivers.set(config, driver)
  }
  return driver
}

/**
 * Runs Authentik calls, turning their failures into answers: an outage (timeout, reset, 5xx, 429) is a
 * 503 with Retry-After; a refusal (401/403: the API token lacks a permission; 400: Authentik rejected
 * the data) is a 503 without it, since only an administrator can cure it. Problems pass through.
 *
 * @example
 * const team = await withDirectory(() => fetchOperatorTeam(driver))
 */
export async function withDirectory<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  }
  catch (error) {
    if (!(error instanceof UpstreamError))
      throw error
    if (error.retryable) {
      throw new Problem(503, 'Service unavailable', {
        detail: 'The identity provider did not answer as expected; try again shortly.',
        headers: {
          'retry-after': String(RETRY_AFTER_SECONDS),
        },
      })
    }
    throw new Problem(503, 'Identity provider refused', {
      detail: `The identity provider refused the change (${error.details.status ?? 'no status'}); an administrator must check the API token's permissions and the directory.`,
    })
  }
}
