import type { TOfrepBulkEvaluationSuccess, TOfrepEvaluationFailure, TOfrepEvaluationSuccess } from '@dezky/contracts'
import type { H3Event } from 'h3'
import type { Principal } from '../auth/principal'
import type { FlagRuntime } from './flag-runtime'
import { bulkEtag, matchesEtag, ofrepJson } from './ofrep-response'
import { readOfrepRequest } from './read-ofrep-request'
import { resolveFlagContext } from './resolve-flag-context'
import { toOfrepEvaluation } from './to-ofrep-evaluation'

interface EvaluateOptions {
  event: H3Event
  runtime: FlagRuntime
  principal: Principal
  bodyLimit: number
}

/**
 * OFREP bulk evaluation: every live (not archived) flag for the caller. Answers 304 without evaluating
 * when `If-None-Match` holds the tag of the same flag set version and context. Each answer is counted in
 * memory for the evaluation chart and the stale list.
 */
export async function evaluateFlagsBulk({ event, runtime, principal, bodyLimit }: EvaluateOptions): Promise<Response> {
  const request = await readOfrepRequest(event, bodyLimit)
  if (!request.ok)
    return ofrepJson(400, { errorCode: request.errorCode, errorDetails: request.errorDetails })
  const context = await resolveFlagContext(principal, request.context, runtime.lookups)
  const { set, version } = await runtime.cache.current()
  const etag = bulkEtag(version, runtime.environment, context)
  const headers = { 'etag': etag, 'cache-control': 'private, no-cache' }
  if (matchesEtag(event.req.headers.get('if-none-match'), etag))
    return new Response(null, { status: 304, headers })
  const evaluations = set.evaluateAll(context).filter(evaluation => evaluation.decision !== 'archived')
  runtime.counter.count(evaluations)
  const body: TOfrepBulkEvaluationSuccess = {
    flags: evaluations.map(evaluation => toOfrepEvaluation(evaluation, version)),
    metadata: { flagSetVersion: version, environment: runtime.environment },
  }
  return ofrepJson(200, body, headers)
}

/** OFREP single evaluation; an unknown or archived key is FLAG_NOT_FOUND (404). */
export async function evaluateOneFlag({ event, runtime, principal, bodyLimit, key }: EvaluateOptions & { key: string }): Promise<Response> {
  const request = await readOfrepRequest(event, bodyLimit)
  if (!request.ok)
    return ofrepJson(400, { key, errorCode: request.errorCode, errorDetails: request.errorDetails } satisfies TOfrepEvaluationFailure)
  const context = await resolveFlagContext(principal, request.context, runtime.lookups)
  const { set, version } = await runtime.cache.current()
  const evaluation = set.evaluate(key, context)
  if (!evaluation || evaluation.decision === 'archived')
    return ofrepJson(404, { key, errorCode: 'FLAG_NOT_FOUND', errorDetails: `Flag "${key}" was not found.` } satisfies TOfrepEvaluationFailure)
  runtime.counter.count([evaluation])
  return ofrepJson(200, toOfrepEvaluation(evaluation, version) satisfies TOfrepEvaluationSuccess)
}
