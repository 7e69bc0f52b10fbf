import type { StrategyCheck, StrategyParameters } from './strategy-check'
import { isInIpRange, parseIpAddress, parseIpRange } from '../constraints/parse-ip-range'
import { splitList } from './split-list'

/**
 * remoteAddress: the caller's address equals a listed entry, or is inside a listed IPv4 range (Unleash's
 * strategy matches IPv6 entries by exact text only; the IN_CIDR constraint covers IPv6 ranges).
 */
export function compileRemoteAddress(parameters: StrategyParameters): StrategyCheck {
  const entries = splitList(parameters.IPs)
  const exact = new Set(entries)
  const ranges = entries.map(parseIpRange).filter(range => range !== null && range.address.kind() === 'ipv4')
  return (context) => {
    const remote = context.remoteAddress
    if (typeof remote !== 'string')
      return false
    if (exact.has(remote))
      return true
    const address = parseIpAddress(remote)
    return address !== null && ranges.some(range => range !== null && isInIpRange(address, range))
  }
}
