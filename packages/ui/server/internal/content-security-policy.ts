/**
 * The Content-Security-Policy of an HTML page. Nuxt renders inline scripts (the runtime config and
 * payload), so scripts are allowed by a per-response nonce; styles need 'unsafe-inline' for Vue's
 * style bindings and the brand variables. Images may come from any https origin: partners' logos.
 * The dev server additionally needs eval and its websocket, and shows logos served on localhost.
 */
export function pageCsp(nonce: string, dev: boolean): string {
  return [
    `default-src 'self'`,
    dev
      ? `script-src 'self' 'unsafe-inline' 'unsafe-eval'`
      : `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'unsafe-inline'`,
    dev
      ? `img-src 'self' data: https: http://localhost:*`
      : `img-src 'self' data: https:`,
    `font-src 'self' data:`,
    dev
      ? `connect-src 'self' ws: wss:`
      : `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ')
}

/** Everything that is not an HTML page (JSON, redirects, assets) runs no script and is never framed. */
export const NON_PAGE_CSP = `default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`

export const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
}
