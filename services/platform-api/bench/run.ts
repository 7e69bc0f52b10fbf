import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runSuite } from '@dezky/bench-kit'
import { benchApiVsBareH3 } from './api-vs-bare-h3'
import { benchDrizzleVsPg } from './drizzle-vs-pg'
import { benchOfrepBulk } from './ofrep-bulk'
import { benchProvisioningCreate } from './provisioning-create'
import { benchProvisioningNoOp } from './provisioning-noop'
import { benchProvisioningThroughput } from './provisioning-throughput'
import { startBenchEnv } from './setup'
import { benchVerifyVsCrypto } from './verify-vs-crypto'

/**
 * `pnpm bench [api|drizzle|verify|provisioning-noop|provisioning-create|provisioning-throughput|ofrep…]`: every
 * figure is a ratio against a baseline measured in the same run, since absolute numbers on shared two-core
 * machines say little. Exits 1 when a goal is missed.
 */
runSuite({
  benchmarks: {
    'api': benchApiVsBareH3,
    'drizzle': benchDrizzleVsPg,
    'verify': benchVerifyVsCrypto,
    'provisioning-noop': benchProvisioningNoOp,
    'provisioning-create': benchProvisioningCreate,
    'provisioning-throughput': benchProvisioningThroughput,
    'ofrep': benchOfrepBulk,
  },
  async start() {
    const env = await startBenchEnv()
    return { env, stop: env.close }
  },
  resultsFile: join(tmpdir(), 'dezky-bench-results.json'),
})
