import type { BenchResult } from '@dezky/bench-kit'
import type { BenchEnv } from './setup'
import process from 'node:process'
import { compare } from '@dezky/bench-kit'
import { seedFleet } from '../test/provisioning/convergence-fleet'
import { waitForFleet } from '../test/provisioning/convergence-progress'
import { startProvisioningBenchEnv } from './provisioning-env'

const TENANTS = Number(process.env.BENCH_PROVISIONING_TENANTS ?? 1000)
const SEQUENTIAL_TENANTS = 10
const WORKERS = 2
const CONCURRENCY = 8

/**
 * Throughput, no goal: tenants per second from the commit that creates them (one transaction, as
 * seedFleet does) until every one is active, twins without latency or faults. Baseline: one worker
 * running one step at a time on 10 tenants; candidate: 2 in-process workers × 8 steps on 1,000
 * (BENCH_PROVISIONING_TENANTS). The ratio is the speed-up concurrency buys on this machine.
 */
export async function benchProvisioningThroughput(env: BenchEnv): Promise<BenchResult> {
  const db = env.deps.db
  const rate = async (count: number, prefix: string, workers: number, concurrency: number) => {
    const upstream = await startProvisioningBenchEnv(db)
    try {
      for (let i = 0; i < workers; i++)
        upstream.startWorker({ concurrency, pollMs: 100 })
      const fleet = await seedFleet(db, count, prefix)
      const started = performance.now()
      await waitForFleet(db, fleet.map(tenant => tenant.id), { tenantStatus: 'active', timeoutMs: 1_800_000 })
      return count / ((performance.now() - started) / 1000)
    }
    finally {
      await upstream.close()
    }
  }
  const sequential = await rate(SEQUENTIAL_TENANTS, 'bench-seq', 1, 1)
  const parallel = await rate(TENANTS, 'bench-tput', WORKERS, CONCURRENCY)
  return compare({
    name: `provisioning throughput, ${TENANTS} tenants, ${WORKERS} workers × ${CONCURRENCY}`,
    unit: 'tenants/s',
    labels: { baseline: `1 worker × 1 step, ${SEQUENTIAL_TENANTS} tenants`, candidate: `${WORKERS} workers × ${CONCURRENCY} steps, ${TENANTS} tenants` },
    rounds: {
      baseline: [sequential],
      candidate: [parallel],
    },
    goal: { comparison: '>=', ratio: 0 },
  })
}
