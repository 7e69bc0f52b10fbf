import type { H3Event } from 'h3'
import { randomUUID } from 'node:crypto'
import { getRequestHeader, setResponseHeader } from 'h3'

const REQUEST_ID = /^[\w.:-]{1,128}$/

/**
 * The id that ties the browser's request to the API's log lines: the incoming `X-Request-Id` when it is
 * well-formed (a proxy in front of the portal set it), else a new UUID. Echoed on the response.
 */
export function useRequestId(event: H3Event): string {
  const incoming = getRequestHeader(event, 'x-request-id')
  const requestId = incoming && REQUEST_ID.test(incoming)
    ? incoming
    : randomUUID()
  setResponseHeader(event, 'x-request-id', requestId)
  return requestId
}
