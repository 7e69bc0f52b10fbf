import type { BenchResult } from '@dezky/bench-kit'
import type { BenchEnv } from './setup'
import { compare, throughputRounds } from '@dezky/bench-kit'
import { H3 } from 'h3'
import { createFloorApp } from './floor-app'
import { listen } from './listen'
import { importSigningKey } from './signing-key'

const ROUNDS = 3

/**
 * (a) The whole authenticated read path (token verification, scoped Drizzle query, metrics, headers) against
 * the cheapest h3 route there is, both served by srvx on a loopback port and loaded the same way. A third
 * server, the floor (floor-app.ts), shows how much of the gap any authenticated database read pays.
 */
export async function benchApiVsBareH3(env: BenchEnv): Promise<BenchResult> {
  const bare = new H3().get('/x', () => ({ ok: true }))
  const floor = createFloorApp(await importSigningKey(env), env.deps.db.$client)
  const servers = await Promise.all([bare, env.app, floor].map(app => listen(app.fetch)))
  try {
    const [bareUrl, apiUrl, floorUrl] = servers.map(server => server.url!.replace(/\/$/, ''))
    const path = `/tenants/${env.fixture.tenants.acme.slug}`
    const auth = { authorization: `Bearer ${env.token}` }
    const rounds = await throughputRounds(ROUNDS, {
      baseline: { url: `${bareUrl}/x` },
      candidate: { url: `${apiUrl}${path}`, headers: auth },
      floor: { url: `${floorUrl}${path}`, headers: auth },
    })
    return compare({
      name: 'GET /tenants/acme vs bare h3',
      unit: 'req/s',
      labels: { baseline: 'bare h3 route', candidate: 'authenticated GET /tenants/acme' },
      rounds,
      goal: { comparison: '>=', ratio: 0.35 },
      notes: [
        { label: 'floor: crypto.verify + named pg statement', rounds: rounds.floor },
      ],
    })
  }
  finally {
    await Promise.all(servers.map(server => server.close(true)))
  }
}
