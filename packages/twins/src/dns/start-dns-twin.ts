import type { DnsTwinFault, DnsTwinRecord } from './dns-zone'
import dns2 from 'dns2'
import { freePort } from '../net/free-port'
import { createDnsZone } from './dns-zone'
import { toResource } from './to-resource'

const { Packet } = dns2

export interface DnsTwinOptions {
  /** UDP and TCP port (the same for both); 0 (the default) picks a free one. */
  port?: number
  host?: string
}

export interface DnsTwin {
  host: string
  port: number
  /** `host:port`, as `DNS_SERVERS` and `Resolver.setServers` take it. */
  server: string
  /** Replaces every record the twin serves. */
  setRecords: (records: readonly DnsTwinRecord[]) => void
  /** Makes a name answer SERVFAIL or not at all, whatever is asked; `null` lifts the fault. */
  setFault: (name: string, fault: DnsTwinFault | null) => void
  /** Every question asked since the start (or the last clear), in order. */
  queries: () => Array<{ name: string, type: string }>
  /** Removes every record, fault and logged question. */
  clear: () => void
  stop: () => Promise<void>
}

/**
 * A real DNS server on loopback (UDP and TCP, through the `dns2` library) answering A, AAAA, TXT, MX,
 * CNAME and SRV questions from records set at run time, NXDOMAIN for unknown names, with per-name
 * SERVFAIL or silence for fault injection. Point a resolver at `server` to test DNS checks offline.
 *
 * @example
 * const dns = await startDnsTwin()
 * dns.setRecords([{ name: 'acme.test', type: 'MX', value: '10 mail.acme.test.' }])
 * const resolver = new Resolver(); resolver.setServers([dns.server])
 * await resolver.resolveMx('acme.test') // [{ exchange: 'mail.acme.test', priority: 10 }]
 */
export async function startDnsTwin(options: DnsTwinOptions = {}): Promise<DnsTwin> {
  const host = options.host ?? '127.0.0.1'
  const zone = createDnsZone()
  let asked: Array<{ name: string, type: string }> = []
  const handle = (request: InstanceType<typeof Packet>, send: (response: InstanceType<typeof Packet> | Buffer) => Promise<Buffer>) => {
    const response = Packet.createResponseFromRequest(request)
    response.header.aa = 1
    const [question] = request.questions
    if (!question) {
      response.header.rcode = Packet.RCODE.FORMERR
      void send(response)
      return
    }
    const type = Packet.typeName(question.type)
    asked.push({ name: question.name, type })
    const answer = zone.answer(question.name, type)
    if (answer.kind === 'timeout')
      return
    if (answer.kind === 'servfail' || answer.kind === 'nxdomain') {
      response.header.rcode = answer.kind === 'servfail'
        ? Packet.RCODE.SERVFAIL
        : Packet.RCODE.NXDOMAIN
      void send(response)
      return
    }
    response.answers.push(...answer.records.map(record => toResource(question.name, record)))
    void send(answer.records.some(record => record.type === 'SRV')
      ? uncompressed(response)
      : response)
  }
  const { server, port } = await listen(() => {
    const server = dns2.createServer({ udp: true, tcp: true, handle })
    // A malformed packet must not take the twin down.
    server.on('requestError', () => {})
    return server
  }, host, options.port ?? 0)
  return {
    host,
    port,
    server: `${host.includes(':')
      ? `[${host}]`
      : host}:${port}`,
    setRecords: records => zone.setRecords(records),
    setFault: (name, fault) => zone.setFault(name, fault),
    queries: () => [...asked],
    clear: () => {
      zone.clear()
      asked = []
    },
    stop: () => server.close(),
  }
}

/**
 * RFC 2782 forbids compressing an SRV record's target, and resolvers reject answers that do (c-ares:
 * EBADRESP); dns2 compresses every name it writes when the writer carries a `Map` of names, so these
 * answers are written with something else in its place.
 */
function uncompressed(packet: InstanceType<typeof Packet>): Buffer {
  const writer = new Packet.Writer() as InstanceType<typeof Packet.Writer> & { names?: unknown }
  writer.names = new Set()
  // The typings omit toBuffer's optional writer.
  return (packet.toBuffer as (this: typeof packet, writer: unknown) => Buffer).call(packet, writer)
}

type Server = ReturnType<typeof dns2.createServer>

/** UDP and TCP on one port; a free port found by probing can be taken in between, so that is retried. */
async function listen(create: () => Server, host: string, wanted: number): Promise<{ server: Server, port: number }> {
  for (let attempt = 0; ; attempt++) {
    const port = wanted || await freePort()
    const server = create()
    try {
      await new Promise<void>((resolve, reject) => {
        const onError = (error: Error) => reject(error)
        server.once('error', onError)
        server.listen({
          udp: { port, address: host },
          tcp: { port, address: host },
        }).then(() => {
          server.off('error', onError)
          resolve()
        }, reject)
      })
      return { server, port }
    }
    catch (error) {
      // One transport may have bound before the other failed: release it (dns2's close() expects both).
      for (const socket of Object.values((server as unknown as { servers: Record<string, { close: () => unknown }> }).servers)) {
        try {
          socket.close()
        }
        catch {}
      }
      if (wanted || attempt >= 5 || (error as { code?: string }).code !== 'EADDRINUSE')
        throw error
    }
  }
}
