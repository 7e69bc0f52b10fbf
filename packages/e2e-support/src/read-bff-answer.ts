import type { BrowserContext } from '@playwright/test'

/** An event stream never ends by itself: read what arrives in this long, then hang up. */
const STREAM_READ_MS = 1500

/** The browser context's cookies for an app, as a Cookie header. */
export async function cookieHeaderFor(context: BrowserContext, appUrl: string): Promise<string> {
  return (await context.cookies(appUrl)).map(cookie => `${cookie.name}=${cookie.value}`).join('; ')
}

/**
 * A BFF answer read with the browser's cookies, whole — an event stream is cut after a moment — so a
 * token-leak check sees every byte the browser could.
 */
export async function readBffAnswer(appUrl: string, path: string, cookie: string): Promise<{ status: number, body: string }> {
  const controller = new AbortController()
  const response = await fetch(`${appUrl}${path}`, {
    headers: { cookie },
    signal: controller.signal,
  })
  const timer = setTimeout(() => controller.abort(), STREAM_READ_MS)
  let body = ''
  try {
    const reader = response.body?.getReader()
    const decoder = new TextDecoder()
    for (let read = await reader?.read(); read && !read.done; read = await reader!.read())
      body += decoder.decode(read.value, { stream: true })
  }
  catch (error) {
    if ((error as Error).name !== 'AbortError')
      throw error
  }
  finally {
    clearTimeout(timer)
  }
  return { status: response.status, body }
}
