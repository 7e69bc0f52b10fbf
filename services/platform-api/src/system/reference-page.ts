import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
let scalarBundle: Promise<string> | undefined

/** Scalar's standalone bundle, served from node_modules: the reference page works offline. */
export function scalarScript(): Promise<Response> {
  // The package's `exports` map hides the browser bundle, so locate it from the main entry's dist folder.
  scalarBundle ??= readFile(require.resolve('@scalar/api-reference').replace(/dist\/.*$/, 'dist/browser/standalone.js'), 'utf8')
  return scalarBundle.then(body => new Response(body, {
    headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' },
  }))
}

export function referencePage(): Response {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Dezky platform API</title></head>
<body>
<script id="api-reference" data-url="/openapi.json"></script>
<script src="/docs/scalar.js"></script>
</body>
</html>`
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': 'default-src \'self\'; script-src \'self\'; style-src \'self\' \'unsafe-inline\'; img-src \'self\' data:; font-src \'self\' data:; connect-src \'self\'; frame-ancestors \'none\'',
    },
  })
}
