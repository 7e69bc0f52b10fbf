import { CheckFailure } from './check-outcome'
import { connectTcp } from './connect-tcp'
import { shortError } from './short-error'

export interface HttpCheck {
  /** The health endpoint, without credentials. */
  url: URL
  /** Statuses that mean healthy (an upstream version may answer 200 or 204). */
  expected: readonly number[]
  signal: AbortSignal
}

/**
 * TCP connect to the host, then a GET of the health endpoint whose status must be one of `expected`. The
 * separate connect tells "nothing listens" (phase `tcp`) from "it answers, but unhealthy" (phase `http`).
 * Redirects are not followed: a health endpoint that redirects (to a login page) is not healthy.
 */
export async function checkHttp({ url, expected, signal }: HttpCheck): Promise<void> {
  const port = Number(url.port) || (url.protocol === 'https:'
    ? 443
    : 80)
  const socket = await connectTcp(url.hostname.replace(/^\[|\]$/g, ''), port, signal)
  socket.destroy()
  let status: number
  try {
    const response = await fetch(url, {
      signal,
      redirect: 'manual',
      headers: { 'user-agent': 'dezky-probe' },
    })
    status = response.status
    await response.body?.cancel().catch(() => {})
  }
  catch (error) {
    throw new CheckFailure('http', signal.aborted
      ? 'no answer within the timeout'
      : shortError(error))
  }
  if (!expected.includes(status))
    throw new CheckFailure('http', `HTTP ${status}, expected ${expected.join(' or ')}`)
}
