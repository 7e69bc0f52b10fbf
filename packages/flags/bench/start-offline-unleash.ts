import type { UnleashFeature } from '../src/types'
import { once } from 'node:events'
import { InMemStorageProvider, Unleash } from 'unleash-client'

/**
 * Unleash's Node SDK holding `features` from bootstrap data only: no polling (refreshInterval 0), no
 * metrics, in-memory storage, and an address nothing listens on, so it never reaches a server.
 */
export async function startOfflineUnleash(features: UnleashFeature[]): Promise<Unleash> {
  const client = new Unleash({
    appName: 'dezky-flags-bench',
    url: 'http://127.0.0.1:9/api/',
    refreshInterval: 0,
    disableMetrics: true,
    skipInstanceCountWarning: true,
    storageProvider: new InMemStorageProvider(),
    bootstrap: { data: features as ConstructorParameters<typeof Unleash>[0]['bootstrap'] extends { data?: infer D } ? NonNullable<D> : never },
  })
  await once(client, 'ready')
  return client
}
