import type { UnleashEvaluator } from '../src'
import type { UnleashState } from '../src/types'
import type { SpecificationCheck } from './load-specification'
import { afterAll, describe, expect, it } from 'vitest'
import { createUnleashEvaluator } from '../src'
import { loadSpecification } from './load-specification'

/**
 * Checks of @unleash/client-specification this engine is known to answer differently, with why.
 * Empty: every evaluation check passes. A listed check that starts passing fails the suite, so the
 * list never goes stale.
 */
const KNOWN_FAILURES: ReadonlyMap<string, string> = new Map<string, string>([])

/** The share of checks that must pass (the rest listed above, each with its reason). */
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
    const passed = [
      ...outcomes.values(),
    ].filter(Boolean).length
    const ratio = passed / checks.length
    console.info(`Unleash client specification: ${passed} / ${checks.length} checks passed (${(ratio * 100).toFixed(1)} %)`)
    expect(outcomes.size).toBe(checks.length)
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
