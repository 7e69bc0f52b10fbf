import { randomBytes } from 'node:crypto'
import { NON_PAGE_CSP, pageCsp, SECURITY_HEADERS } from '../internal/content-security-policy'

const SCRIPT_TAG = /<script(?=[\s>])/g

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('request', (event) => {
    setResponseHeaders(event, { ...SECURITY_HEADERS, 'content-security-policy': NON_PAGE_CSP })
    // BFF answers are one user's data: no cache (shared or the browser's) may keep them.
    if (event.path.startsWith('/api/'))
      setResponseHeader(event, 'cache-control', 'no-store')
    if (getRequestProtocol(event, { xForwardedProto: true }) === 'https')
      setResponseHeader(event, 'strict-transport-security', 'max-age=31536000; includeSubDomains')
  })

  // Pages get a fresh nonce on each of their script tags. Vue escapes `<` in rendered text and the
  // payload serializer escapes `</script`, so every raw `<script` here is a real tag.
  nitroApp.hooks.hook('render:html', (html, { event }) => {
    const nonce = randomBytes(16).toString('base64')
    const withNonce = (chunks: string[]) => chunks.map(chunk => chunk.replace(SCRIPT_TAG, `<script nonce="${nonce}"`))
    html.head = withNonce(html.head)
    html.bodyPrepend = withNonce(html.bodyPrepend)
    html.body = withNonce(html.body)
    html.bodyAppend = withNonce(html.bodyAppend)
    setResponseHeader(event, 'content-security-policy', pageCsp(nonce, import.meta.dev))
    // Pages render the signed-in user's data: after sign-out, Back must not show them again from the
    // HTTP cache or the back/forward cache (Chromium keeps no-store pages out of it once cookies change).
    setResponseHeader(event, 'cache-control', 'no-store')
  })
})
