import type { UnleashContext } from '../types'

/** A compiled check: everything derivable from the rule is computed once, only the context varies. */
export type ContextPredicate = (context: UnleashContext) => boolean

export const never: ContextPredicate = () => false
export const always: ContextPredicate = () => true
