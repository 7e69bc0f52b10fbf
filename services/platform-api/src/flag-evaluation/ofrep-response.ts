import { createHash } from 'node:crypto'

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' }

/** OFREP answers in its own shapes (not problem+json): its SDKs read `errorCode` / `errorDetails`. */
export function ofrepJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      ...JSON_TYPE,
      ...headers,
    },
  })
}

/**
 * The bulk answer's entity tag: the flag set's version, the environment and the resolved context. Equal
 * tags mean equal answers, except for time-based constraints (DATE_*) and random stickiness, which a
 * client holding a tag re-evaluates on the next change — the same trade Unleash's frontend API makes.
 */
export function bulkEtag(version: number, environment: string, context: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify([environment, context])).digest('base64url').slice(0, 22)
  return `"${version}-${digest}"`
}

/** Whether `If-None-Match` names the tag (a list, weak tags and `*` included). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch)
    return false
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '')
    return tag === '*' || tag === etag
  })
}
