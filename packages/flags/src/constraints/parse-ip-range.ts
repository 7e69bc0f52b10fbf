import ipaddr from 'ipaddr.js'

export interface IpRange { address: ipaddr.IPv4 | ipaddr.IPv6, prefix: number }

/**
 * An address or CIDR range (`10.0.0.0/8`, `2001:db8::/32`, or a single address = a range of one);
 * null when invalid. IPv4 must be four decimal parts: `127.1` or hex forms are not ranges an operator meant.
 */
export function parseIpRange(text: string): IpRange | null {
  const [host = '', prefix, ...rest] = text.split('/')
  if (rest.length > 0)
    return null
  const address = parseIpAddress(host)
  if (!address)
    return null
  const bits = address.kind() === 'ipv4'
    ? 32
    : 128
  if (prefix === undefined)
    return { address, prefix: bits }
  const length = /^\d{1,3}$/.test(prefix)
    ? Number(prefix)
    : Number.NaN
  return length >= 0 && length <= bits
    ? { address, prefix: length }
    : null
}

/** A plain address, strictly parsed; null when invalid. */
export function parseIpAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text))
    return ipaddr.IPv4.parse(text)
  if (ipaddr.IPv6.isValid(text))
    return ipaddr.IPv6.parse(text)
  return null
}

/** Same family and inside the range (an IPv4 address is never inside an IPv6 range, as in Unleash). */
export function isInIpRange(address: ipaddr.IPv4 | ipaddr.IPv6, range: IpRange): boolean {
  return address.kind() === range.address.kind() && address.match(range.address, range.prefix)
}
