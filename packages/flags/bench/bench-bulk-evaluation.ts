import type { BenchResult } from '@dezky/bench-kit'
import type { FlagDefinition } from '../src/types'
import { alternate, compare } from '@dezky/bench-kit'
import { compileFlagSet } from '../src'
import { timeLoop } from './time-loop'

const ROUNDS = 9
const ITERATIONS = 5_000
const FLAGS = 100

/** A realistic mix: on/off, rollouts, targeted rules with constraints, overrides, and dependencies. */
function flagAt(index: number): FlagDefinition {
  const key = `bench.flag-${index}`
  const base: FlagDefinition = {
    key,
    type: 'release',
    killed: index % 50 === 49,
    archived: false,
    dependencies: [],
    environments: {},
    overrides: [],
  }
  const config = {
    rolloutPercent: 0,
    stickiness: 'default' as const,
    strategies: [],
    variants: [],
  }
  switch (index % 5) {
    case 0: return {
      ...base,
      environments: {
        production: {
          ...config,
          state: 'on',
          variants: [
            { name: 'a', weight: 500 },
            { name: 'b', weight: 500 },
          ],
        },
      },
    }
    case 1: return {
      ...base,
      environments: {
        production: {
          ...config,
          state: 'rollout',
          rolloutPercent: 30,
          stickiness: 'tenant',
        },
      },
    }
    case 2: return {
      ...base,
      environments: {
        production: {
          ...config,
          state: 'targeted',
          strategies: [
            {
              name: 'flexibleRollout',
              parameters: { rollout: '50', stickiness: 'default' },
              constraints: [
                {
                  contextName: 'plan',
                  operator: 'IN',
                  values: ['business', 'enterprise'],
                  inverted: false,
                  caseInsensitive: false,
                },
              ],
              segments: [],
              variants: [],
              disabled: false,
            },
          ],
        },
      },
    }
    case 3: return {
      ...base,
      environments: {
        production: { ...config, state: 'on' },
      },
      dependencies: [
        { feature: `bench.flag-${index - 3}`, enabled: true },
        { feature: `bench.flag-${index - 1}`, enabled: true },
      ],
    }
    default: return {
      ...base,
      environments: {
        production: { ...config, state: 'off' },
      },
      overrides: [
        {
          environment: 'production',
          scope: 'tenant',
          scopeId: 'tenant-3',
          value: true,
        },
      ],
    }
  }
}

const contexts = Array.from({ length: 64 }, (_, index) => ({
  userId: `user-${index}`,
  tenant: `tenant-${index % 7}`,
  partner: 'northwind',
  properties: {
    plan: index % 2
      ? 'business'
      : 'starter',
  },
}))

/** (b) Every flag for one caller: `evaluateAll` against 100 single `evaluate` calls (the OFREP bulk endpoint's two ways). */
export async function benchBulkEvaluation(): Promise<BenchResult> {
  const set = compileFlagSet(Array.from({ length: FLAGS }, (_, index) => flagAt(index)), [], 'production')
  const count = (values: readonly { value: boolean }[]) => values.reduce((sum, evaluation) => sum + +evaluation.value, 0)
  const totals = { single: 0, bulk: 0 }
  const contestants = {
    single: async () => {
      const { nanoseconds, total } = timeLoop(ITERATIONS, (index) => {
        const context = contexts[index & 63]!
        return count(set.keys.map(key => set.evaluate(key, context)!))
      })
      totals.single = total
      return nanoseconds
    },
    bulk: async () => {
      const { nanoseconds, total } = timeLoop(ITERATIONS, index => count(set.evaluateAll(contexts[index & 63]!)))
      totals.bulk = total
      return nanoseconds
    },
  }
  await alternate(2, contestants)
  const rounds = await alternate(ROUNDS, contestants)
  return compare({
    name: `(b) ${FLAGS} flags: evaluateAll vs ${FLAGS} × evaluate`,
    unit: 'ns/caller',
    labels: { baseline: `${FLAGS} × evaluate`, candidate: 'evaluateAll' },
    rounds: { baseline: rounds.single, candidate: rounds.bulk },
    goal: { comparison: '<=', ratio: 1.2 },
    checks: { enabled: totals.bulk },
    // Random stickiness is not used here, so both ways must enable exactly the same flags.
    checksPass: totals.single === totals.bulk,
  })
}
