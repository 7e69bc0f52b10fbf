import type { PortalBenchEnv } from './portal-bench-env'
import { alternate, compare, measureThroughput, WARMUP } from '@dezky/bench-kit'
import { startBareProxy } from './start-bare-proxy'
import { BENCH_TENANT } from './start-bench-stack'

const ROUNDS = 3
const LABELS = {
  api: 'API directly',
  proxy: 'bare Node proxy',
  bff: 'through the BFF',
}

/**
 * (a) `GET /api/tenants/acme` through the portal's BFF (session cookie → server-side token → API over
 * the keep-alive pool → contract check) against `GET /tenants/acme` on the API with the same user's token.
 * A third contestant in the same rounds, the bare proxy (bare-proxy.ts), is the ceiling any BFF reaches
 * here: every call through a proxy is two HTTP exchanges on the cores the API and the load share.
 */
export async function benchBffVsApi({ stack }: PortalBenchEnv) {
  const proxy = await startBareProxy(stack.apiUrl, stack.token)
  try {
    const path = `/tenants/${BENCH_TENANT.slug}`
    const targets = {
      api: [
        `${stack.apiUrl}${path}`,
        { authorization: `Bearer ${stack.token}` },
      ],
      proxy: [`${proxy.url}${path}`, {}],
      bff: [
        `${stack.appUrl}/api${path}`,
        { cookie: stack.cookie },
      ],
    } satisfies Record<string, [string, Record<string, string>]>
    for (const [url, headers] of Object.values(targets))
      await measureThroughput(url, headers, WARMUP)
    const rounds = await alternate(ROUNDS, {
      api: () => measureThroughput(...targets.api),
      proxy: () => measureThroughput(...targets.proxy),
      bff: () => measureThroughput(...targets.bff),
    })
    const row = (name: string, baseline: 'api' | 'proxy', candidate: 'proxy' | 'bff') => ({
      name,
      unit: 'req/s',
      labels: { baseline: LABELS[baseline], candidate: LABELS[candidate] },
      rounds: { baseline: rounds[baseline], candidate: rounds[candidate] },
    })
    return [
      compare({
        ...row('BFF GET /api/tenants/acme vs the API', 'api', 'bff'),
        goal: { comparison: '>=', ratio: 0.6 },
      }),
      compare(row('bare proxy vs the API: the ceiling of any BFF', 'api', 'proxy')),
      compare(row('BFF vs the bare proxy', 'proxy', 'bff')),
    ]
  }
  finally {
    await proxy.stop()
  }
}
