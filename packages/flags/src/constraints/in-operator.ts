import type { UnleashConstraint } from '../types'
import type { ContextPredicate } from './predicate'
import { resolveContextValue } from '../context/resolve-context-value'
import { cleanValues } from './clean-values'

/** IN / NOT_IN: exact, case-sensitive membership (Unleash ignores `caseInsensitive` here); a Set makes long lists O(1). */
export function compileInOperator(constraint: UnleashConstraint): ContextPredicate {
  const values = new Set(cleanValues(constraint.values))
  const field = constraint.contextName
  const isIn: ContextPredicate = (context) => {
    const value = resolveContextValue(context, field)
    return value !== undefined && values.has(value)
  }
  // A missing field is "not in" the list (Unleash), so NOT_IN holds for a context without it.
  return constraint.operator === 'NOT_IN'
    ? context => !isIn(context)
    : isIn
}
