import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TwinRequestContext } from '../kit/twin-listener'
import type { GraphVersion } from './format-drive'
import type { OcisStore, OcisUser } from './ocis-store'
import { BodyError, readJson } from '../kit/json'

/** What every graph handler gets: the request, the store, who is calling and the path parameters. */
export interface OcisRequest {
  req: IncomingMessage
  res: ServerResponse
  twin: TwinRequestContext
  store: OcisStore
  principal: OcisUser
  /** The twin's own origin, for webUrl / webDavUrl. */
  baseUrl: string
  version: GraphVersion
  params: Record<string, string>
}

/**
 * Reads a JSON object body the way OCIS's StrictJSONUnmarshal does: unknown fields, a non-object or an
 * empty body are refused. Returns the refusal reason instead of throwing.
 */
export async function readStrictBody(req: IncomingMessage, allowed: readonly string[]): Promise<{ body: Record<string, unknown> } | { error: string }> {
  let raw: unknown
  try {
    raw = await readJson(req)
  }
  catch (error) {
    if (error instanceof BodyError)
      return { error: error.message }
    throw error
  }
  if (raw === undefined)
    return { error: 'EOF' }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { error: 'body is not a JSON object' }
  const unknown = Object.keys(raw).find(key => !allowed.includes(key))
  if (unknown)
    return { error: `json: unknown field "${unknown}"` }
  return { body: raw as Record<string, unknown> }
}

/** `strconv.ParseBool`, which OCIS uses for the `Purge` and `Restore` headers. */
export function parseBoolHeader(value: string | string[] | undefined): boolean {
  const text = Array.isArray(value)
    ? value[0]
    : value
  return ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text ?? '')
}
