import type { UnleashConstraint } from '../types'
import type { ContextPredicate } from './predicate'
import { resolveContextValue } from '../context/resolve-context-value'
import { cleanValues } from './clean-values'
import { never } from './predicate'

const tests: Record<string, (value: string, candidate: string) => boolean> = {
  STR_STARTS_WITH: (value, candidate) => value.startsWith(candidate),
  STR_ENDS_WITH: (value, candidate) => value.endsWith(candidate),
  STR_CONTAINS: (value, candidate) => value.includes(candidate),
}

/** STR_STARTS_WITH / STR_ENDS_WITH / STR_CONTAINS: any value matches; a missing field never does. */
export function compileStringOperator(constraint: UnleashConstraint): ContextPredicate {
  const test = tests[constraint.operator]
  if (!test)
    return never
  const insensitive = constraint.caseInsensitive === true
  const values = cleanValues(constraint.values).map(value => insensitive
    ? value.toLocaleLowerCase()
    : value)
  const field = constraint.contextName
  return (context) => {
    const raw = resolveContextValue(context, field)
    if (raw === undefined)
      return false
    const value = insensitive
      ? raw.toLocaleLowerCase()
      : raw
    return values.some(candidate => test(value, candidate))
  }
}
