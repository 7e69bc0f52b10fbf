/**
 * Sends a request to a twin the way a JSON API client does (a content type only with a body) and returns the
 * status with the answer parsed as JSON, undefined when it has no body.
 * @example
 * const { status, body } = await requestJson(`${ocis.url}/graph/v1.0/me`, 'GET', undefined, { authorization: `Bearer ${token}` })
 */
export async function requestJson(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number, body: any }> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(body === undefined
        ? {}
        : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined
      ? undefined
      : JSON.stringify(body),
  })
  const text = await response.text()
  return {
    status: response.status,
    body: text
      ? JSON.parse(text)
      : undefined,
  }
}
