import type { UnleashEvaluator } from '../src'
import type { UnleashState } from '../src/types'
import type { SpecificationCheck } from './load-specification'
import { afterAll, describe, expect, it } from 'vitest'
import { createUnleashEvaluator } from '../src'
import { KNOWN_FAILURES } from './known-failures'
import { loadSpecification } from './load-specification'

/** The share of checks that must pass (the rest listed in known-failures.ts, each with its reason). */
const MINIMUM_PASS_RATIO = 0.95

const checks = loadSpecification()
const evaluators = new Map<UnleashState, UnleashEvaluator>()
const outcomes = new Map<string, boolean>()

function evaluatorFor(state: UnleashState): UnleashEvaluator {
  let evaluator = evaluators.get(state)
  if (!evaluator) {
    evaluator = createUnleashEvaluator(state)
    evaluators.set(state, evaluator)
  }
  return evaluator
}

function answer(check: SpecificationCheck): unknown {
  const evaluator = evaluatorFor(check.state)
  if (check.kind === 'isEnabled')
    return evaluator.isEnabled(check.toggleName, check.context)
  // The specification omits `payload` when a variant has none: compare the JSON shape an SDK would send.
  return JSON.parse(JSON.stringify(evaluator.getVariant(check.toggleName, check.context)))
}

describe('@unleash/client-specification', () => {
  for (const [file, fileChecks] of Map.groupBy(checks, check => check.file)) {
    describe(file, () => {
      for (const check of fileChecks) {
        it(`${check.kind} ${check.toggleName}: ${check.id}`, () => {
          const actual = answer(check)
          const passed = isEqual(actual, check.expected)
          outcomes.set(check.id, passed)
          if (KNOWN_FAILURES.has(check.id))
            expect(passed, `known failure now passes, remove it from KNOWN_FAILURES: ${check.id}`).toBe(false)
          else
            expect(actual).toEqual(check.expected)
        })
      }
    })
  }

  afterAll(() => {
    // Over the checks that ran (all of them unless a name filter was given; the count is asserted in
    // specification-count.test.ts).
    const passed = [
      ...outcomes.values(),
    ].filter(Boolean).length
    const ratio = passed / outcomes.size
    console.info(`Unleash client specification: ${passed} / ${outcomes.size} checks passed (${(ratio * 100).toFixed(1)} %), ${checks.length} in the suite`)
    expect(ratio).toBeGreaterThanOrEqual(MINIMUM_PASS_RATIO)
  })
})

function isEqual(actual: unknown, expected: unknown): boolean {
  try {
    expect(actual).toEqual(expected)
    return true
  }
  catch {
    return false
  }
}
