import type { UnleashContext } from '../types'

/** A built-in strategy's own test (after its constraints held), compiled from its parameters. */
export type StrategyCheck = (context: UnleashContext) => boolean

export type StrategyParameters = Record<string, string | number | undefined>
