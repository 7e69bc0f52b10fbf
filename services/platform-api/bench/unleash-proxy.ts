import type { AddressInfo } from 'node:net'
import { createApp } from '@unleash/proxy'
import { LogLevel } from '@unleash/proxy/dist/logger'
import { BENCH_FLAG_KEYS, benchFlagRule } from './seed-bench-flags'

/** The client key the bench's proxy accepts. */
export const PROXY_CLIENT_KEY = 'bench-client-key'

/** The bench's flags as Unleash features: the same rules, in Unleash's own words. */
function bootstrapFeatures() {
  return BENCH_FLAG_KEYS.map((name, index) => {
    const rule = benchFlagRule(index, name)
    const strategies = rule.state === 'rollout'
      ? [
          {
            name: 'flexibleRollout',
            parameters: {
              rollout: String(rule.rolloutPercent),
              stickiness: rule.stickiness ?? 'default',
              groupId: name,
            },
            constraints: [],
          },
        ]
      : rule.state === 'targeted'
        ? (rule.strategies ?? []).map(strategy => ({ ...strategy, constraints: strategy.constraints ?? [] }))
        : [
            { name: 'default', parameters: {}, constraints: [] },
          ]
    return {
      name,
      enabled: rule.state !== 'off',
      project: 'default',
      type: 'release',
      variants: [],
      strategies,
    }
  })
}

/**
 * Unleash's own edge for browsers (`@unleash/proxy`, `GET /proxy`: every enabled toggle for a context),
 * serving the bench's flags from a bootstrap with no Unleash server: its upstream URL points at a closed
 * port and it never refreshes or sends metrics during the run, so it answers from the bootstrap alone.
 */
export async function startUnleashProxy(): Promise<{ url: string, close: () => Promise<void> }> {
  const app = createApp({
    unleashUrl: 'http://127.0.0.1:9/api',
    unleashApiToken: 'offline',
    clientKeys: [PROXY_CLIENT_KEY],
    expBootstrap: {
      data: bootstrapFeatures() as never,
    },
    refreshInterval: 3_600_000,
    metricsInterval: 3_600_000,
    logLevel: LogLevel.fatal,
  })
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise(resolve => server.close(() => resolve())),
  }
}
