import type { UnleashConstraint, UnleashSegment } from '../types'
import type { ContextPredicate } from './predicate'
import { compileConstraint } from './compile-constraint'
import { always, never } from './predicate'

/**
 * A strategy's constraints and its segments' constraints, all of which must hold. A segment id that
 * does not exist fails the strategy (Unleash: unknown segment = not satisfied, never silently ignored).
 */
export function compileConstraints(
  constraints: readonly UnleashConstraint[] | undefined,
  segmentIds: readonly number[] | undefined,
  segments: ReadonlyMap<number, UnleashSegment>,
): ContextPredicate {
  const all = [
    ...(constraints ?? []),
  ]
  for (const id of segmentIds ?? []) {
    const segment = segments.get(id)
    if (!segment)
      return never
    all.push(...segment.constraints)
  }
  const checks = all.map(compileConstraint)
  if (checks.length === 0)
    return always
  if (checks.length === 1)
    return checks[0]!
  return context => checks.every(check => check(context))
}
