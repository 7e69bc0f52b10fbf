import type { TFlagEnvironmentConfigInput } from '@dezky/contracts'
import type { BenchEnv } from './setup'

/** How many flags the OFREP rows evaluate: a product's worth, well past a handful. */
export const BENCH_FLAG_COUNT = 50

/** The benchmark's flag keys, in order. */
export const BENCH_FLAG_KEYS = Array.from({ length: BENCH_FLAG_COUNT }, (_, index) => `bench.flag-${String(index).padStart(2, '0')}`)

/**
 * Each flag's rule, in turn: the four states, the rollout and the targeting with a constraint. Rollouts
 * keep a whole tenant together, so Unleash's proxy (given the tenant as a property) must agree flag for flag.
 */
export function benchFlagRule(index: number, key: string): TFlagEnvironmentConfigInput {
  switch (index % 4) {
    case 0:
      return { state: 'on' }
    case 1:
      return { state: 'off' }
    case 2:
      return { state: 'rollout', rolloutPercent: 30, stickiness: 'tenant' }
    default:
      return {
        state: 'targeted',
        strategies: [
          {
            name: 'flexibleRollout',
            parameters: { rollout: '50', stickiness: 'tenant', groupId: key },
            constraints: [
              {
                contextName: 'plan',
                operator: 'IN',
                values: ['business', 'enterprise'],
              },
            ],
          },
        ],
      }
  }
}

/**
 * Creates BENCH_FLAG_COUNT flags and their rules through the API itself, as an operations lead would
 * (so the flag set is what the management routes write, not hand-made rows), in the environment the
 * API evaluates.
 */
export async function seedBenchFlags(env: BenchEnv, environment: string): Promise<void> {
  const token = await env.idp.issueAccessToken({
    sub: 'bench-ops-lead',
    groups: ['operator:ops_lead'],
    amr: ['pwd', 'otp'],
  })
  const call = async (method: string, path: string, body: unknown) => {
    const response = await env.app.fetch(new Request(`http://bench${path}`, {
      method,
      headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }))
    if (!response.ok)
      throw new Error(`bench seed: ${method} ${path} answered ${response.status}: ${await response.text()}`)
  }
  for (const [index, key] of BENCH_FLAG_KEYS.entries()) {
    await call('POST', '/flags', { key, name: `Bench flag ${index}`, type: 'release' })
    await call('PUT', `/flags/${key}/environments/${environment}`, benchFlagRule(index, key))
  }
}
