import type { BenchResult } from '@dezky/bench-kit'
import type { UnleashFeature } from '../src/types'
import { alternate, compare } from '@dezky/bench-kit'
import { compileFlagSet, createUnleashEvaluator } from '../src'
import { startOfflineUnleash } from './start-offline-unleash'
import { timeLoop } from './time-loop'

const ROUNDS = 9
const ITERATIONS = 200_000
const KEY = 'checkout.new-flow'

// The rule both sides evaluate: 40 % of users (default stickiness), business or enterprise plans only.
const strategy = {
  name: 'flexibleRollout' as const,
  parameters: { rollout: '40', stickiness: 'default', groupId: KEY },
  constraints: [
    {
      contextName: 'plan',
      operator: 'IN' as const,
      values: ['business', 'enterprise'],
      inverted: false,
      caseInsensitive: false,
    },
  ],
}
const feature: UnleashFeature = {
  name: KEY,
  enabled: true,
  strategies: [strategy],
}

const PLANS = ['starter', 'business', 'enterprise']
const contexts = Array.from({ length: 1024 }, (_, index) => ({
  userId: `user-${index}`,
  properties: { plan: PLANS[index % 3]! },
}))

/**
 * (a) One evaluation of a flag with a rollout and one constraint: Dezky's compiled set (context mapping
 * and the full explanation included) against Unleash's Node SDK `isEnabled` on the same rule.
 */
export async function benchSingleEvaluation(): Promise<BenchResult> {
  const unleash = await startOfflineUnleash([feature])
  const set = compileFlagSet([
    {
      key: KEY,
      type: 'release',
      killed: false,
      archived: false,
      dependencies: [],
      environments: {
        production: {
          state: 'targeted',
          rolloutPercent: 0,
          stickiness: 'default',
          strategies: [
            {
              ...strategy,
              segments: [],
              variants: [],
              disabled: false,
            },
          ],
          variants: [],
        },
      },
      overrides: [],
    },
  ], [], 'production')
  const evaluator = createUnleashEvaluator({
    features: [feature],
  })
  const totals = {
    unleash: new Set<number>(),
    dezky: new Set<number>(),
    layer: new Set<number>(),
  }
  const measure = (name: keyof typeof totals, call: (index: number) => number) => async () => {
    const { nanoseconds, total } = timeLoop(ITERATIONS, call)
    totals[name].add(total)
    return nanoseconds
  }
  try {
    const contestants = {
      unleash: measure('unleash', index => +unleash.isEnabled(KEY, contexts[index & 1023]!)),
      dezky: measure('dezky', index => +set.evaluate(KEY, contexts[index & 1023]!)!.value),
      layer: measure('layer', index => +evaluator.isEnabled(KEY, contexts[index & 1023]!)),
    }
    await alternate(2, contestants)
    for (const side of Object.values(totals))
      side.clear()
    const rounds = await alternate(ROUNDS, contestants)
    // All three must enable the very same users, or the timing compares different work.
    const agreed = new Set([
      ...totals.unleash,
      ...totals.dezky,
      ...totals.layer,
    ]).size === 1
    return compare({
      name: '(a) one evaluation: rollout + constraint',
      unit: 'ns/eval',
      labels: { baseline: 'unleash-client isEnabled', candidate: 'compileFlagSet().evaluate' },
      rounds: { baseline: rounds.unleash, candidate: rounds.dezky },
      goal: { comparison: '<=', ratio: 1.0 },
      checks: { enabled: [...totals.dezky][0] ?? 0 },
      checksPass: agreed,
      notes: [
        { label: 'createUnleashEvaluator().isEnabled (the Unleash layer alone)', rounds: rounds.layer },
      ],
    })
  }
  finally {
    unleash.destroy()
  }
}
