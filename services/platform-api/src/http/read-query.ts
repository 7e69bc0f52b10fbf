import type { H3Event } from 'h3'
import { Problem } from './problem'
import { assertStorableText } from './storable-text'

/**
 * The query string as a flat record of text Postgres can store. A repeated key (`?limit=1&limit=2`) is
 * refused rather than resolved: no list parameter exists, and "last one wins" would let a proxy and the
 * API read different values.
 */
export function readQuery(event: H3Event): Record<string, string> {
  const query = new Map<string, string>()
  const repeated = new Set<string>()
  for (const [key, value] of event.url.searchParams) {
    if (query.has(key))
      repeated.add(key)
    query.set(key, value)
  }
  if (repeated.size > 0) {
    throw new Problem(400, 'Validation failed', {
      detail: 'The request query is invalid.',
      errors: [...repeated].map(key => ({ path: `query.${key}`, message: 'send this parameter once' })),
    })
  }
  // fromEntries defines own properties, so a `__proto__` key stays data (and `.strict()` refuses it).
  const record = Object.fromEntries(query)
  assertStorableText(record, 'query')
  return record
}
