import type { UnleashConstraint } from '../types'
import type { ContextPredicate } from './predicate'
import { resolveContextValue } from '../context/resolve-context-value'
import { cleanValues } from './clean-values'
import { isInIpRange, parseIpAddress, parseIpRange } from './parse-ip-range'
import { never } from './predicate'

/** IN_CIDR: the field is an address inside any listed range or equal to a listed address; invalid entries are skipped. */
export function compileCidrOperator(constraint: UnleashConstraint): ContextPredicate {
  const ranges = cleanValues(constraint.values).map(parseIpRange).filter(range => range !== null)
  if (ranges.length === 0)
    return never
  const field = constraint.contextName
  return (context) => {
    const value = resolveContextValue(context, field)
    const address = value === undefined
      ? null
      : parseIpAddress(value)
    return address !== null && ranges.some(range => isInIpRange(address, range))
  }
}
