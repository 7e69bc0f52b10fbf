import { setTimeout as sleep } from 'node:timers/promises'

export interface WaitForUrlOptions {
  timeoutMs: number
  signal?: AbortSignal
  /** Settles when the server's process ends; waiting stops then instead of running into the timeout. */
  exited?: Promise<unknown>
}

/**
 * Resolves with the first status below 500. Redirects count as answers (an app that sends visitors to
 * its login page is up); 503 does not, because `nuxt dev` serves its loading page with it until the
 * first build is done.
 */
export async function waitForUrl(url: string, { timeoutMs, signal, exited }: WaitForUrlOptions): Promise<number> {
  const deadline = Date.now() + timeoutMs
  let gone = false
  void exited?.then(() => {
    gone = true
  })
  let last = 'no answer yet'
  while (Date.now() < deadline) {
    signal?.throwIfAborted()
    if (gone)
      throw new Error(`${url}: the server exited before it answered (${last})`)
    try {
      // The first request of a dev server compiles the page, which takes a while on two cores.
      const attempt = AbortSignal.timeout(Math.max(1000, Math.min(60_000, deadline - Date.now())))
      const response = await fetch(url, {
        redirect: 'manual',
        signal: signal
          ? AbortSignal.any([signal, attempt])
          : attempt,
      })
      await response.body?.cancel()
      if (response.status < 500)
        return response.status
      last = `status ${response.status}`
    }
    catch (error) {
      signal?.throwIfAborted()
      last = (error as Error).cause
        ? String((error as Error & { cause: Error }).cause.message)
        : (error as Error).message
    }
    await sleep(500, undefined, { signal }).catch(() => {})
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s (${last})`)
}
