import type { EvaluationResponse } from '@openfeature/ofrep-core'
import type { EvaluationContext } from '@openfeature/server-sdk'
import type { H3Event } from 'h3'
import { AsyncLocalStorage } from 'node:async_hooks'
import { OFREPApi } from '@openfeature/ofrep-core'

// OpenFeature's provider is process-wide and sees only the evaluation context, which goes to the API as
// the request body: the caller's token must not travel in it. So the BFF runs its evaluations inside the
// request's scope, and the provider's loader finds the request (its session, its token) there.
const currentRequest = new AsyncLocalStorage<H3Event>()

// One bulk evaluation per request and context, however many flags the request reads.
const evaluations = new WeakMap<H3Event, Map<string, Promise<EvaluationResponse[]>>>()

/** Runs `evaluate` (OpenFeature client calls) on behalf of `event`'s signed-in user. */
export function withFlagRequest<T>(event: H3Event, evaluate: () => Promise<T>): Promise<T> {
  return currentRequest.run(event, evaluate)
}

async function postBulkEvaluation(event: H3Event, context: EvaluationContext): Promise<EvaluationResponse[]> {
  const { platformApiUrl, platformApiTimeoutMs } = useRuntimeConfig()
  const api = new OFREPApi({
    baseUrl: platformApiUrl.replace(/\/+$/, ''),
    timeoutMs: Number(platformApiTimeoutMs) || 10_000,
  }, createPlatformApiFetch(event))
  const result = await api.postBulkEvaluateFlags({ context })
  if (result.httpStatus !== 200)
    throw new Error(`the OFREP bulk evaluation answered ${result.httpStatus} ${result.value?.errorCode ?? ''}`)
  return result.value.flags ?? []
}

/**
 * Every flag's OFREP evaluation for `context` on behalf of the current request's user (see
 * `withFlagRequest`), fetched once per request and context. Rejects outside a request, or when the API
 * refuses or fails (the provider then answers the defaults).
 */
export function loadRequestBulkEvaluation(context: EvaluationContext): Promise<EvaluationResponse[]> {
  const event = currentRequest.getStore()
  if (!event)
    return Promise.reject(new Error('portal flags are evaluated inside withFlagRequest only'))
  let byContext = evaluations.get(event)
  if (!byContext) {
    byContext = new Map()
    evaluations.set(event, byContext)
  }
  const key = JSON.stringify(context)
  let pending = byContext.get(key)
  if (!pending) {
    pending = postBulkEvaluation(event, context)
    byContext.set(key, pending)
  }
  return pending
}
