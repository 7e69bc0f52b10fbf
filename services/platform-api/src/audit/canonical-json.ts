/**
 * JSON with object keys sorted at every level. Postgres `jsonb` does not keep key order, so a hash over
 * plain `JSON.stringify` of what was written would not match what is read back.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value))
    return value.map(sortKeys)
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.keys(value).sort().map(k => [
      k,
      sortKeys((value as Record<string, unknown>)[k]),
    ]))
  }
  return value
}
