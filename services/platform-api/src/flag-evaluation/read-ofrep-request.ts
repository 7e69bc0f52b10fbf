import type { H3Event } from 'h3'
import { Problem } from '../http/problem'
import { readJsonBody } from '../http/read-json-body'

export type OfrepRequest
  = | { ok: true, context: Record<string, unknown> }
    | { ok: false, errorCode: 'PARSE_ERROR' | 'INVALID_CONTEXT', errorDetails: string }

/**
 * An OFREP request body, `{ "context": { … } }`, with OFREP's error codes instead of problem+json: an
 * unreadable body is a PARSE_ERROR, a body without an object `context` an INVALID_CONTEXT. The size
 * limit and media type are the API's own (413, 415 as problem+json).
 */
export async function readOfrepRequest(event: H3Event, limitBytes: number): Promise<OfrepRequest> {
  let body: unknown
  try {
    body = await readJsonBody(event, limitBytes)
  }
  catch (error) {
    if (error instanceof Problem && error.status === 400)
      return { ok: false, errorCode: 'PARSE_ERROR', errorDetails: error.message }
    throw error
  }
  const context = (body as { context?: unknown } | null)?.context
  if (typeof body !== 'object' || body === null || typeof context !== 'object' || context === null || Array.isArray(context))
    return { ok: false, errorCode: 'INVALID_CONTEXT', errorDetails: 'The body must be a JSON object with an object "context".' }
  return { ok: true, context: context as Record<string, unknown> }
}
