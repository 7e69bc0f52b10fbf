import type { UnleashConstraint } from '../types'
import type { ContextPredicate } from './predicate'
import { compare, parse, valid } from 'semver'
import { resolveContextValue } from '../context/resolve-context-value'
import { never } from './predicate'

const outcomes: Record<string, (order: number) => boolean> = {
  SEMVER_EQ: order => order === 0,
  SEMVER_GT: order => order > 0,
  SEMVER_GTE: order => order >= 0,
  SEMVER_LT: order => order < 0,
  SEMVER_LTE: order => order <= 0,
}

/**
 * SEMVER_*: strict semver 2.0 precedence (pre-releases sort before their release, `1.0.0-rc.2` before
 * `1.0.0-rc.10`); a context version that is not strict semver (or has a `v` prefix) never matches,
 * nor does an invalid rule value.
 */
export function compileSemverOperator(constraint: UnleashConstraint): ContextPredicate {
  const outcome = outcomes[constraint.operator]
  const expected = parse(constraint.value ?? '')
  if (!outcome || !expected)
    return never
  const field = constraint.contextName
  return (context) => {
    const actual = resolveContextValue(context, field)
    if (!actual || actual.startsWith('v') || !valid(actual))
      return false
    return outcome(compare(actual, expected))
  }
}
