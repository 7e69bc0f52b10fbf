import type { RegistryKind } from './registry-kinds'
import type { SetContext } from './registry-methods'
import type { MethodResponse } from './result-reference'
import type { StalwartStore } from './store'
import type { JsonObject, StalwartObjectType } from './types'
import { KNOWN_CAPABILITIES, OBJECT_CAPABILITIES } from './capabilities'
import { MethodError, problem, REQUEST_ERROR } from './errors'
import { registryGet, registryQuery } from './registry-methods'
import { registrySet } from './registry-set'
import { resolveReferences } from './result-reference'
import { isObject } from './types'

export interface ApiContext {
  store: StalwartStore
  kinds: Record<StalwartObjectType, RegistryKind>
  accountId: string
  sessionState: string
  countWrite: (kind: string) => void
  afterWrite: SetContext['afterWrite']
  /** A method error injected for the next calls of this method, if any. */
  takeInjectedError: (method: string) => string | undefined
}

export interface ApiAnswer {
  status: number
  body: unknown
  contentType: string
}

function notRequest(detail: string): ApiAnswer {
  return {
    status: 400,
    body: problem(400, '', detail, REQUEST_ERROR.notRequest),
    contentType: 'application/problem+json',
  }
}

function isCall(value: unknown): value is [string, JsonObject, string] {
  return Array.isArray(value) && value.length === 3 && typeof value[0] === 'string' && isObject(value[1]) && typeof value[2] === 'string'
}

function runMethod(name: string, args: JsonObject, using: string[], ctx: ApiContext, createdIds: Map<string, string>): JsonObject {
  const [object, fn] = name.split('/')
  const kind = object?.startsWith('x:')
    ? ctx.kinds[object.slice(2) as StalwartObjectType]
    : undefined
  if (kind && (fn === 'get' || fn === 'set' || fn === 'query')) {
    // crates/jmap/src/api/request.rs: methods of the Stalwart capability (registry objects) are exempt
    // from the `using` check; every other method needs its capability listed.
    if (args.accountId !== undefined && args.accountId !== ctx.accountId)
      throw new MethodError('accountNotFound', 'The accountId does not correspond to a valid account')
    const scoped = { ...args, accountId: ctx.accountId }
    const injected = ctx.takeInjectedError(name)
    if (injected)
      throw new MethodError(injected, 'Injected by the twin.')
    if (fn === 'get')
      return registryGet(ctx.store, kind, scoped)
    if (fn === 'query')
      return registryQuery(ctx.store, kind, scoped)
    return registrySet(ctx.store, kind, scoped, { createdIds, countWrite: ctx.countWrite, afterWrite: ctx.afterWrite })
  }
  const capability = object ? OBJECT_CAPABILITIES[object] : undefined
  if (capability && !using.includes(capability))
    throw new MethodError('unknownMethod', `Method ${name} requires capability ${capability} which is not present in the "using" property.`)
  if (name === 'Core/echo')
    return args
  throw new MethodError('unknownMethod', name)
}

/** `POST /jmap/`: a JMAP request (RFC 8620 §3.3) against the registry objects the twin serves. */
export function handleApiRequest(body: unknown, ctx: ApiContext): ApiAnswer {
  if (!isObject(body) || !Array.isArray(body.using) || !Array.isArray(body.methodCalls))
    return notRequest('The request must be an object with "using" and "methodCalls".')
  const using = body.using as unknown[]
  const unknown = using.find(capability => typeof capability !== 'string' || !(KNOWN_CAPABILITIES as readonly unknown[]).includes(capability))
  // Stalwart rejects an unknown capability while deserializing the request (`CapabilityIds`), so it
  // answers notRequest rather than RFC 8620's unknownCapability.
  if (unknown !== undefined)
    return notRequest(`Unknown capability: ${JSON.stringify(unknown)}`)
  if (!body.methodCalls.every(isCall))
    return notRequest('Each method call must be [name, arguments, callId].')
  const createdIds = new Map<string, string>(isObject(body.createdIds)
    ? Object.entries(body.createdIds as Record<string, string>)
    : [])
  const responses: MethodResponse[] = []
  for (const [name, args, callId] of body.methodCalls as Array<[string, JsonObject, string]>) {
    try {
      const resolved = resolveReferences(args, responses)
      responses.push([
        name,
        runMethod(name, resolved, using as string[], ctx, createdIds),
        callId,
      ])
    }
    catch (error) {
      if (!(error instanceof MethodError))
        throw error
      responses.push([
        'error',
        {
          type: error.type,
          ...(error.description
            ? { description: error.description }
            : {}),
        },
        callId,
      ])
    }
  }
  return {
    status: 200,
    contentType: 'application/json',
    body: {
      methodResponses: responses,
      sessionState: ctx.sessionState,
      ...(isObject(body.createdIds)
        ? {
            createdIds: Object.fromEntries(createdIds),
          }
        : {}),
    },
  }
}
