import type { UnleashConstraint } from '../types'
import type { ContextPredicate } from './predicate'
import { compileCidrOperator } from './cidr-operator'
import { compileDateOperator } from './date-operator'
import { compileInOperator } from './in-operator'
import { compileNumberOperator } from './number-operator'
import { never } from './predicate'
import { compileRegexOperator } from './regex-operator'
import { compileSemverOperator } from './semver-operator'
import { compileStringOperator } from './string-operator'

const compilers: Record<string, (constraint: UnleashConstraint) => ContextPredicate> = {
  IN: compileInOperator,
  NOT_IN: compileInOperator,
  STR_CONTAINS: compileStringOperator,
  STR_STARTS_WITH: compileStringOperator,
  STR_ENDS_WITH: compileStringOperator,
  NUM_EQ: compileNumberOperator,
  NUM_GT: compileNumberOperator,
  NUM_GTE: compileNumberOperator,
  NUM_LT: compileNumberOperator,
  NUM_LTE: compileNumberOperator,
  DATE_AFTER: compileDateOperator,
  DATE_BEFORE: compileDateOperator,
  SEMVER_EQ: compileSemverOperator,
  SEMVER_GT: compileSemverOperator,
  SEMVER_GTE: compileSemverOperator,
  SEMVER_LT: compileSemverOperator,
  SEMVER_LTE: compileSemverOperator,
  REGEX: compileRegexOperator,
  IN_CIDR: compileCidrOperator,
}

/**
 * One constraint, compiled once. An unknown operator never matches, even inverted (Unleash: a rule
 * this client cannot understand must not switch a flag on).
 */
export function compileConstraint(constraint: UnleashConstraint): ContextPredicate {
  const compiler = Object.hasOwn(compilers, constraint.operator)
    ? compilers[constraint.operator]
    : undefined
  if (!compiler)
    return never
  const check = compiler(constraint)
  return constraint.inverted
    ? context => !check(context)
    : check
}
