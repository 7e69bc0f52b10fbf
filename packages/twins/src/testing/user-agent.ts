interface StoredCookie {
  name: string
  value: string
  path: string
}

export interface FollowResult {
  response: Response
  /** The URL that answered `response`, or the redirect target where following stopped. */
  url: string
}

/**
 * A browser stand-in for tests: a cookie jar (name and path; one host) and redirects followed by hand,
 * so a test can stop at a client's redirect_uri that nothing serves.
 */
export class UserAgent {
  #cookies = new Map<string, StoredCookie>()

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const { pathname } = new URL(url)
    const cookie = [
      ...this.#cookies.values(),
    ]
      .filter(c => pathname === c.path || pathname.startsWith(c.path.endsWith('/')
        ? c.path
        : `${c.path}/`))
      .map(c => `${c.name}=${c.value}`)
      .join('; ')
    const headers = new Headers(init.headers)
    if (cookie)
      headers.set('cookie', cookie)
    const response = await fetch(url, { ...init, headers, redirect: 'manual' })
    for (const header of response.headers.getSetCookie())
      this.#store(header)
    return response
  }

  /** POSTs a form as a browser would, without following the answer. */
  async submit(url: string, fields: Record<string, string>): Promise<Response> {
    return this.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    })
  }

  /** Follows redirects from `start` (a URL or a redirect response) until one leads to `stopAt` or none is left. */
  async follow(start: string | Response, stopAt?: string): Promise<FollowResult> {
    let response = typeof start === 'string'
      ? await this.fetch(start)
      : start
    let url = typeof start === 'string'
      ? start
      : response.url
    for (let hops = 0; hops < 20; hops++) {
      const location = response.headers.get('location')
      if (response.status < 300 || response.status > 399 || !location)
        return { response, url }
      url = new URL(location, url).href
      await response.body?.cancel()
      if (stopAt && url.startsWith(stopAt))
        return { response, url }
      response = await this.fetch(url)
    }
    throw new Error(`too many redirects, last ${url}`)
  }

  #store(header: string) {
    const [pair = '', ...attributes] = header.split(';').map(part => part.trim())
    const eq = pair.indexOf('=')
    const name = pair.slice(0, eq)
    const value = pair.slice(eq + 1)
    let path = '/'
    let expired = value === ''
    for (const attribute of attributes) {
      const [key = '', attributeValue = ''] = attribute.split('=')
      if (key.toLowerCase() === 'path')
        path = attributeValue
      if (key.toLowerCase() === 'expires' && Date.parse(attributeValue) <= Date.now())
        expired = true
      if (key.toLowerCase() === 'max-age' && Number(attributeValue) <= 0)
        expired = true
    }
    const id = `${path} ${name}`
    if (expired)
      this.#cookies.delete(id)
    else
      this.#cookies.set(id, { name, value, path })
  }
}
