import type { SetError } from './types'

/** A method-level error (RFC 8620 §3.6.2) raised while running one method call. */
export class MethodError extends Error {
  constructor(readonly type: string, readonly description?: string) {
    super(`${type}${description
      ? `: ${description}`
      : ''}`)
  }
}

/**
 * Request-level errors are RFC 7807 problem JSON (crates/jmap-proto/src/error/request.rs). Stalwart answers
 * `about:blank` with a title for HTTP-level refusals (401, 429, 5xx).
 */
export function problem(status: number, title: string, detail: string, type = 'about:blank'): Record<string, unknown> {
  return type === 'about:blank'
    ? { type, status, title, detail }
    : { type, status, detail }
}

export const REQUEST_ERROR = {
  notRequest: 'urn:ietf:params:jmap:error:notRequest',
  notJson: 'urn:ietf:params:jmap:error:notJSON',
  unknownCapability: 'urn:ietf:params:jmap:error:unknownCapability',
} as const

/** Why a patch was refused (registry/src/types/error.rs `PatchError` → SetError `invalidPatch`). */
export function invalidPatch(path: string, description: string): SetError {
  return {
    type: 'invalidPatch',
    description,
    properties: [path],
  }
}

export function invalidProperties(property: string, description: string): SetError {
  return {
    type: 'invalidProperties',
    description,
    properties: [property],
  }
}

/** `ValidationError::Required` (tagged `{ type: "Required", property }`) inside a `validationFailed` SetError. */
export function requiredProperty(property: string): SetError {
  return {
    type: 'validationFailed',
    validationErrors: [
      { type: 'Required', property },
    ],
  }
}

export function notFound(): SetError {
  return { type: 'notFound' }
}
