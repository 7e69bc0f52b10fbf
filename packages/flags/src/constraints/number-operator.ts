import type { UnleashConstraint } from '../types'
import type { ContextPredicate } from './predicate'
import { resolveContextValue } from '../context/resolve-context-value'
import { never } from './predicate'

const comparisons: Record<string, (actual: number, expected: number) => boolean> = {
  NUM_EQ: (actual, expected) => actual === expected,
  NUM_GT: (actual, expected) => actual > expected,
  NUM_GTE: (actual, expected) => actual >= expected,
  NUM_LT: (actual, expected) => actual < expected,
  NUM_LTE: (actual, expected) => actual <= expected,
}

/** NUM_*: both sides as numbers ("12.0" equals 12); anything that is not a number never matches. */
export function compileNumberOperator(constraint: UnleashConstraint): ContextPredicate {
  const compare = comparisons[constraint.operator]
  const expected = Number(constraint.value)
  if (!compare || Number.isNaN(expected))
    return never
  const field = constraint.contextName
  return (context) => {
    const actual = Number(resolveContextValue(context, field))
    return !Number.isNaN(actual) && compare(actual, expected)
  }
}
