import type { UnleashConstraint } from '../types'
import type { ContextPredicate } from './predicate'
import { never } from './predicate'

/**
 * DATE_AFTER / DATE_BEFORE: always against the context's `currentTime` (now when absent), whatever
 * `contextName` says — that is Unleash's rule. Strict: the exact instant is neither before nor after.
 */
export function compileDateOperator(constraint: UnleashConstraint): ContextPredicate {
  const expected = new Date(constraint.value ?? Number.NaN).getTime()
  if (Number.isNaN(expected))
    return never
  const after = constraint.operator === 'DATE_AFTER'
  return (context) => {
    const now = context.currentTime
      ? new Date(context.currentTime).getTime()
      : Date.now()
    return after
      ? now > expected
      : now < expected
  }
}
