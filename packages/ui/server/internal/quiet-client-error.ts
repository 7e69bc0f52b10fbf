/** The fields of an h3 error that decide how Nitro logs it. */
export interface TLoggedError {
  statusCode?: number
  /** Thrown as is, not through `createError`: a bug, whatever its status. */
  unhandled?: boolean
  /** Nuxt marks a page's `createError` / `showError` fatal; Nitro then logs it with its stack. */
  fatal?: boolean
}

/**
 * For an expected client error (status below 500, thrown on purpose) that Nitro would log with its whole
 * stack — a page's fatal 404 for someone else's tenant, a 401 after the session ran out — clears `fatal`
 * so Nitro's default handler stays quiet, and returns the one line to log instead. Returns null, and
 * changes nothing, for server errors, unhandled errors and errors Nitro does not log anyway.
 *
 * `fatal` only decides Nitro's logging and whether the error's message and data reach the error page;
 * Nuxt's error handler passes a handled error's message and data on in either case, so the page the
 * user sees does not change. Only the path is logged: a query string can carry codes or tokens.
 *
 * @example
 * quietClientError(createError({ statusCode: 404, fatal: true }), 'GET', '/t/globex?x=1') // '[request error] 404 [GET] /t/globex'
 */
export function quietClientError(error: TLoggedError, method: string, path: string): string | null {
  const status = error.statusCode ?? 500
  if (status >= 500 || error.unhandled || !error.fatal)
    return null
  error.fatal = false
  return `[request error] ${status} [${method}] ${path.split('?')[0]}`
}
