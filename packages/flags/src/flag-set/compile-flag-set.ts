import type { CompiledFlagSet, FlagContext, FlagDefinition, FlagEvaluation, UnleashSegment } from '../types'
import type { EvaluationMemo } from './evaluate-flag'
import { compileFlag } from './compile-flag'
import { evaluateFlag } from './evaluate-flag'
import { findCyclicParents } from './find-cyclic-parent'
import { toUnleashContext } from './to-unleash-context'

/**
 * Every flag of one environment, compiled once (override maps, strategies, constraints, segments,
 * variants, dependency positions and cycles) so that an evaluation is lookups and hashing only.
 * Rebuild the set when any flag or segment changes. An environment no flag has makes every flag `off`.
 *
 * @example compileFlagSet(flags, segments, 'production').evaluate('portal.setup-checklist', { tenant: 'acme' })
 */
export function compileFlagSet(flags: FlagDefinition[], segments: UnleashSegment[], environment: string): CompiledFlagSet {
  const segmentById = new Map(segments.map(segment => [segment.id, segment]))
  const indexOf = new Map(flags.map((flag, index) => [flag.key, index]))
  const compiled = flags.map(flag => compileFlag(flag, environment, segmentById, indexOf))
  findCyclicParents(compiled.map(flag => flag.dependencies)).forEach((parent, index) => {
    compiled[index]!.cyclicParent = parent
  })
  const keys = Object.freeze(flags.map(flag => flag.key))

  return {
    environment,
    keys,
    evaluate(key: string, context: FlagContext): FlagEvaluation | undefined {
      const index = indexOf.get(key)
      if (index === undefined)
        return undefined
      const memo: EvaluationMemo = []
      return evaluateFlag(compiled, index, context, toUnleashContext(context, environment), memo)
    },
    evaluateAll(context: FlagContext): FlagEvaluation[] {
      const unleash = toUnleashContext(context, environment)
      const memo: EvaluationMemo = Array.from({ length: compiled.length })
      for (let index = 0; index < compiled.length; index++)
        memo[index] ??= evaluateFlag(compiled, index, context, unleash, memo)
      return memo as FlagEvaluation[]
    },
  }
}
