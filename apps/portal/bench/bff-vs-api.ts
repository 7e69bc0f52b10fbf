import type { PortalBenchEnv } from './portal-bench-env'
import { comparePairs, throughputRounds } from '@dezky/bench-kit'
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
    const rounds = await throughputRounds(ROUNDS, {
      api: {
        url: `${stack.apiUrl}${path}`,
        headers: { authorization: `Bearer ${stack.token}` },
      },
      proxy: { url: `${proxy.url}${path}` },
      bff: {
        url: `${stack.appUrl}/api${path}`,
        headers: { cookie: stack.cookie },
      },
    })
    const row = comparePairs(rounds, LABELS, 'req/s')
    return [
      row('BFF GET /api/tenants/acme vs the API', 'api', 'bff', { comparison: '>=', ratio: 0.6 }),
      row('bare proxy vs the API: the ceiling of any BFF', 'api', 'proxy'),
      row('BFF vs the bare proxy', 'proxy', 'bff'),
    ]
  }
  finally {
    await proxy.stop()
  }
}
