import type { TFlagScope, TFlagState } from '@dezky/contracts'
import type { CompiledStrategy } from '../strategies/compile-strategy'
import type { VariantSelector } from '../variants/compile-variants'

export interface CompiledDependency {
  feature: string
  /** The parent's position in the set; -1 when the set has no such flag (never satisfied). */
  index: number
  enabled: boolean
  variants: ReadonlySet<string> | null
}

/** One flag of one environment, with everything a lookup needs precomputed. */
export interface CompiledFlag {
  key: string
  killed: boolean
  archived: boolean
  /** This environment's overrides by scope, checked user → tenant → partner; null when the scope has none. */
  overrides: Record<TFlagScope, ReadonlyMap<string, boolean> | null>
  dependencies: CompiledDependency[]
  /** Set when the flag sits on a dependency cycle: the dependency leading back into it (never satisfied). */
  cyclicParent: string | null
  state: TFlagState
  rolloutPercent: number
  stickiness: string
  strategies: CompiledStrategy[]
  variants: VariantSelector | null
}
