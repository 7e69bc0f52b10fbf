import type { UnleashConstraint } from '../types'
import type { ContextPredicate } from './predicate'
import { RE2JS } from 're2js'
import { resolveContextValue } from '../context/resolve-context-value'
import { never } from './predicate'

/**
 * REGEX: RE2 syntax and semantics, like every Unleash SDK (inline flags `(?i)`, POSIX classes; no
 * look-around or back-references). RE2 also runs in linear time, so a rule's pattern cannot stall the
 * API with catastrophic backtracking. An invalid pattern never matches; `find`, not a full match.
 */
export function compileRegexOperator(constraint: UnleashConstraint): ContextPredicate {
  let pattern: RE2JS
  try {
    pattern = RE2JS.compile(constraint.value ?? '', constraint.caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0)
  }
  catch {
    return never
  }
  const field = constraint.contextName
  return (context) => {
    const value = resolveContextValue(context, field)
    return value !== undefined && pattern.matcher(value).find()
  }
}
