import type { H3Event } from 'h3'
import { Problem } from './problem'
import { assertStorableText } from './storable-text'

/**
 * Reads a JSON body with a hard size limit. The limit is checked against Content-Length first and then
 * while streaming, so a client that lies about the length (or sends chunked) cannot make us buffer more.
 */
export async function readJsonBody(event: H3Event, limitBytes: number): Promise<unknown> {
  const contentType = event.req.headers.get('content-type') ?? ''
  if (!/^application\/(?:[\w.+-]*\+)?json\b/i.test(contentType))
    throw new Problem(415, 'Unsupported media type', { detail: 'Send the body as application/json.' })
  const declared = Number(event.req.headers.get('content-length') ?? Number.NaN)
  if (declared > limitBytes)
    throw tooLarge(limitBytes)
  const reader = event.req.body?.getReader()
  if (!reader)
    throw new Problem(400, 'Missing body', { detail: 'This operation needs a JSON body.' })
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done)
      break
    size += value.byteLength
    if (size > limitBytes) {
      await reader.cancel()
      throw tooLarge(limitBytes)
    }
    chunks.push(value)
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks))
  if (text.trim() === '')
    throw new Problem(400, 'Missing body', { detail: 'This operation needs a JSON body.' })
  let body: unknown
  try {
    body = JSON.parse(text)
  }
  catch (error) {
    throw new Problem(400, 'Malformed JSON', { detail: (error as Error).message })
  }
  // JSON escapes can spell `\u0000` and `\ud800`, which Postgres text and jsonb cannot hold.
  assertStorableText(body, 'body')
  return body
}

function tooLarge(limitBytes: number): Problem {
  return new Problem(413, 'Payload too large', { detail: `The body must not exceed ${limitBytes} bytes.` })
}
