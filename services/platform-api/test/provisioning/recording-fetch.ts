/** One request as a driver sent it: the URL as given and the body parsed as JSON (undefined when there is none). */
export interface RecordedRequest { method: string, url: string, body: any }

/** A request with its answer: the URL it came from after redirects, the status, the body parsed as JSON (undefined when empty). */
export interface RecordedExchange extends RecordedRequest { responseUrl: string, status: number, response: any }

function recordedRequest(input: Parameters<typeof fetch>[0], init?: RequestInit): RecordedRequest {
  return {
    method: init?.method ?? 'GET',
    url: String(input),
    body: typeof init?.body === 'string'
      ? JSON.parse(init.body)
      : undefined,
  }
}

/** `GET /graph/v1beta1/drives`: method and path, how request-count assertions name a request. */
export function requestLine(request: RecordedRequest): string {
  return `${request.method} ${new URL(request.url).pathname}`
}

/**
 * A `fetch` for a driver under test that reports each request before sending it, so requests that then time out
 * or fail are counted too.
 * @example
 * const requests: string[] = []
 * createOcisDriver({ baseUrl, bearerToken, timeoutMs: 5_000, fetch: recordingFetch(request => requests.push(requestLine(request))) })
 */
export function recordingFetch(onRequest: (request: RecordedRequest) => void): typeof fetch {
  return async (input, init) => {
    onRequest(recordedRequest(input, init))
    return fetch(input, init)
  }
}

/**
 * A `fetch` that reports each request together with its answer, for contract tests that check both against a spec.
 * @example
 * const exchanges: RecordedExchange[] = []
 * createOcisDriver({ baseUrl, bearerToken, timeoutMs: 5_000, fetch: exchangeRecordingFetch(exchange => exchanges.push(exchange)) })
 */
export function exchangeRecordingFetch(onExchange: (exchange: RecordedExchange) => void): typeof fetch {
  return async (input, init) => {
    const request = recordedRequest(input, init)
    const response = await fetch(input, init)
    const text = await response.clone().text()
    onExchange({
      ...request,
      responseUrl: response.url,
      status: response.status,
      response: text
        ? JSON.parse(text)
        : undefined,
    })
    return response
  }
}
