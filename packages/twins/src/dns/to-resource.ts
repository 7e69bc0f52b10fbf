import type { DnsTwinRecord } from './dns-zone'
import dns2 from 'dns2'

const { Packet } = dns2

const host = (value: string) => value.trim().replace(/\.$/, '')

/**
 * A record in presentation form as a `dns2` answer resource, named as the question named it (case kept,
 * as servers do). Long TXT values go out as several character-strings of at most 255 bytes (RFC 1035
 * §3.3.14), the way zone files publish DKIM keys.
 *
 * @example
 * toResource('acme.test', { name: 'acme.test', type: 'MX', value: '10 mail.acme.test.' })
 * // { name: 'acme.test', type: 15, class: 1, ttl: 300, exchange: 'mail.acme.test', priority: 10 }
 */
export function toResource(questionName: string, record: DnsTwinRecord): dns2.Packet.Resource {
  // dns2 encodes plain objects carrying the fields of their type; its `Resource` type also wants `toBuffer`.
  return fields(questionName, record) as dns2.Packet.Resource
}

function fields(questionName: string, record: DnsTwinRecord) {
  const base = { name: questionName, class: Packet.CLASS.IN, ttl: record.ttl ?? 300 }
  const parts = record.value.trim().split(/\s+/)
  switch (record.type) {
    case 'A':
      return {
        ...base,
        type: Packet.TYPE.A,
        address: record.value.trim(),
      }
    case 'AAAA':
      return {
        ...base,
        type: Packet.TYPE.AAAA,
        address: record.value.trim(),
      }
    case 'CNAME':
      return {
        ...base,
        type: Packet.TYPE.CNAME,
        domain: host(record.value),
      }
    case 'MX':
      return {
        ...base,
        type: Packet.TYPE.MX,
        priority: Number(parts[0]),
        exchange: host(parts[1] ?? ''),
      }
    case 'SRV':
      return {
        ...base,
        type: Packet.TYPE.SRV,
        priority: Number(parts[0]),
        weight: Number(parts[1]),
        port: Number(parts[2]),
        target: host(parts[3] ?? ''),
      }
    case 'TXT':
      return {
        ...base,
        type: Packet.TYPE.TXT,
        data: chunk(record.value),
      }
    default:
      throw new Error(`the DNS twin does not serve ${record.type} records`)
  }
}

function chunk(text: string): string[] {
  const bytes = Buffer.from(text)
  const chunks: string[] = []
  for (let offset = 0; offset < bytes.length; offset += 255)
    chunks.push(bytes.subarray(offset, offset + 255).toString())
  return chunks.length
    ? chunks
    : ['']
}
