const CREDENTIALS_IN_URL = /([a-z][\w+.-]*:\/\/)[^\s/@]+@/gi

/**
 * The reason a check failed, as stored and shown: the socket error code where there is one (Node's fetch
 * hides it in `cause`), credentials in any URL masked, at most 200 characters.
 *
 * @example
 * shortError(new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) })) // 'ECONNREFUSED'
 */
export function shortError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown, message?: unknown } } | undefined)?.cause
  const code = (error as { code?: unknown } | undefined)?.code
  const text = typeof cause?.code === 'string'
    ? cause.code
    : typeof code === 'string' && !(error as Error).message?.includes(code)
      ? `${code}: ${(error as Error).message}`
      : typeof cause?.message === 'string'
        ? cause.message
        : (error as Error | undefined)?.message ?? String(error)
  return text.replace(CREDENTIALS_IN_URL, '$1***@').replaceAll('\n', ' ').slice(0, 200) || 'failed'
}
