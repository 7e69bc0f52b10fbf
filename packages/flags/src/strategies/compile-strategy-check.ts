import type { StrategyCheck, StrategyParameters } from './strategy-check'
import { compileFlexibleRollout } from './flexible-rollout'
import { compileGradualRollout, compileGradualRolloutRandom } from './gradual-rollout'
import { compileRemoteAddress } from './remote-address'
import { compileUserWithId } from './user-with-id'

/** A built-in strategy by name; an unknown one never matches (Unleash: a client never guesses what a custom strategy means). */
export function compileStrategyCheck(name: string, parameters: StrategyParameters, featureName: string): StrategyCheck {
  switch (name) {
    case 'default': return () => true
    case 'userWithId': return compileUserWithId(parameters)
    case 'gradualRolloutUserId': return compileGradualRollout('userId', parameters)
    case 'gradualRolloutSessionId': return compileGradualRollout('sessionId', parameters)
    case 'gradualRolloutRandom': return compileGradualRolloutRandom(parameters)
    case 'flexibleRollout': return compileFlexibleRollout(parameters, featureName)
    case 'remoteAddress': return compileRemoteAddress(parameters)
    default: return () => false
  }
}
