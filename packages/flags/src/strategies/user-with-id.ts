import type { StrategyCheck, StrategyParameters } from './strategy-check'
import { splitList } from './split-list'

/** userWithId: the user is one of the listed ids. */
export function compileUserWithId(parameters: StrategyParameters): StrategyCheck {
  const ids = new Set(splitList(parameters.userIds))
  return context => typeof context.userId === 'string' && ids.has(context.userId)
}
