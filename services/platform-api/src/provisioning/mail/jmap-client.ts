import { permanent, retryable, UpstreamError, withDetails } from '../upstream-error'
import { createUpstreamFetch, failOn } from '../upstream-fetch'

export type JsonObject = Record<string, unknown>
export type MethodCall = [name: string, args: JsonObject, callId: string]
export type MethodResponse = [name: string, args: JsonObject, callId: string]

/** Stalwart v0.16 management lives in JMAP objects of this capability (UPGRADING/v0_16.md). */
export const JMAP_USING = ['urn:ietf:params:jmap:core', 'urn:stalwart:jmap']

export interface JmapClientOptions {
  /** Stalwart's base URL, e.g. `https://mail.example.com` (the session is read from `/.well-known/jmap`). */
  baseUrl: string
  /** Basic admin credentials, or an API key sent as Bearer. */
  credential: { user: string, secret: string } | { apiKey: string }
  timeoutMs: number
  fetch?: typeof fetch
}

export interface JmapClient {
  /** Sends the calls in one JMAP request and returns the method responses in order. */
  call: (calls: MethodCall[], signal: AbortSignal) => Promise<MethodResponse[]>
}

// Stalwart maps a vanished object to serverPartialFail ("please try again"); those and the two server
// errors may pass on a later attempt. Every other method error (invalidArguments, unknownMethod,
// forbidden, invalidResultReference, accountNotFound, unsupportedFilter …) repeats until someone acts.
const RETRYABLE_METHOD_ERRORS = new Set(['serverFail', 'serverUnavailable', 'serverPartialFail'])

/** The arguments of a method response, or the error it carries as an UpstreamError. */
export function resultOf(responses: MethodResponse[], callId: string, name: string): JsonObject {
  const response = responses.find(([, , id]) => id === callId)
  if (!response)
    throw permanent('stalwart', `${name} (${callId}) got no response`)
  const [answered, args] = response
  if (answered === 'error') {
    const message = `${name} failed with ${String(args.type)}${args.description
      ? `: ${String(args.description)}`
      : ''}`
    throw RETRYABLE_METHOD_ERRORS.has(String(args.type))
      ? retryable('stalwart', message)
      : permanent('stalwart', message)
  }
  return args
}

/**
 * Every JMAP request is a POST: one that only queries or gets cannot have changed anything, and one that
 * sets is named by its `/set` calls rather than by the endpoint's path.
 */
function namedUnconfirmedWrite(error: unknown, calls: MethodCall[]): unknown {
  if (!(error instanceof UpstreamError) || !error.details.unconfirmedWrite)
    return error
  const sets = calls.map(([name]) => name).filter(name => name.endsWith('/set'))
  const unconfirmedWrite = sets.length
    ? `JMAP ${sets.join(', ')}`
    : undefined
  return withDetails(error, { unconfirmedWrite })
}

/**
 * A thin JMAP client (RFC 8620) for Stalwart's management API. jmap-jam would do the protocol, but it
 * always sends `Authorization: Bearer` with one fixed token and its own fetch: Basic admin credentials,
 * our deadline-per-call fetch and retryable/permanent errors would all have to be wedged around it.
 *
 * The session (`GET /.well-known/jmap`, a redirect to `/jmap/session`) is read once for `apiUrl` and
 * the account id, and read again when the API URL answers 404 (the server moved it).
 *
 * @example
 * const jmap = createJmapClient({ baseUrl, credential: { apiKey }, timeoutMs: 10_000 })
 * const [query] = await jmap.call([['x:Domain/query', { filter: { name: 'acme.com' } }, 'q']], signal)
 */
export function createJmapClient(options: JmapClientOptions): JmapClient {
  const http = createUpstreamFetch({ upstream: 'stalwart', timeoutMs: options.timeoutMs, fetch: options.fetch })
  const authorization = 'apiKey' in options.credential
    ? `Bearer ${options.credential.apiKey}`
    : `Basic ${Buffer.from(`${options.credential.user}:${options.credential.secret}`).toString('base64')}`
  let session: { apiUrl: string, accountId: string } | undefined

  async function readSession(signal: AbortSignal) {
    const response = await http(`${options.baseUrl.replace(/\/+$/, '')}/.well-known/jmap`, {
      headers: { authorization },
      signal,
    })
    if (!response.ok)
      await failOn('stalwart', response, 'reading the JMAP session')
    const body = await response.json() as { apiUrl?: string, primaryAccounts?: Record<string, string> }
    const accountId = body.primaryAccounts?.['urn:stalwart:jmap']
    if (!body.apiUrl || !accountId)
      throw permanent('stalwart', 'the JMAP session has no apiUrl or no urn:stalwart:jmap account (are the credentials an admin\'s?)')
    session = {
      apiUrl: new URL(body.apiUrl, response.url || options.baseUrl).toString(),
      accountId,
    }
    return session
  }

  async function post(calls: MethodCall[], signal: AbortSignal, fresh: boolean): Promise<MethodResponse[]> {
    const current = session ?? await readSession(signal)
    const methodCalls = calls.map(([name, args, id]) => [
      name,
      { accountId: current.accountId, ...args },
      id,
    ])
    const response = await http(current.apiUrl, {
      method: 'POST',
      headers: { 'authorization': authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ using: JMAP_USING, methodCalls }),
      signal,
    }).catch((error: unknown) => {
      throw namedUnconfirmedWrite(error, calls)
    })
    if (response.status === 404 && !fresh) {
      await response.body?.cancel()
      session = undefined
      return post(calls, signal, true)
    }
    if (!response.ok)
      await failOn('stalwart', response, `JMAP ${calls.map(([name]) => name).join(', ')}`)
    const body = await response.json() as { methodResponses?: MethodResponse[] }
    if (!Array.isArray(body.methodResponses))
      throw permanent('stalwart', 'the JMAP response has no methodResponses')
    return body.methodResponses
  }

  return {
    call: (calls, signal) => post(calls, signal, false),
  }
}
