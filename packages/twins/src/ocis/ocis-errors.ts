import type { ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import { sendJson } from '../kit/json'

/** The error codes OCIS's graph service uses (services/graph/pkg/errorcode). */
export type OcisErrorCode
  = | 'accessDenied'
    | 'generalException'
    | 'invalidRequest'
    | 'itemNotFound'
    | 'nameAlreadyExists'
    | 'notAllowed'
    | 'notSupported'
    | 'serviceNotAvailable'

/** The libregraph error body: `{"error":{"code","innererror":{"date","request-id"},"message"}}`. */
export function ocisErrorBody(code: OcisErrorCode | string, message: string): unknown {
  return {
    error: {
      code,
      innererror: {
        'date': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        'request-id': randomUUID(),
      },
      message,
    },
  }
}

/** The body for an injected fault status, coded as OCIS codes that status. */
export function ocisFaultBody(status: number, message: string): unknown {
  const code = status === 429
    ? 'activityLimitReached'
    : status === 503
      ? 'serviceNotAvailable'
      : 'generalException'
  return ocisErrorBody(code, message)
}

export function sendOcisError(res: ServerResponse, status: number, code: OcisErrorCode, message: string): void {
  sendJson(res, status, ocisErrorBody(code, message))
}
