import { Problem } from './problem'

/** More offending paths than this and the answer would be as large as the request; the first few suffice. */
const MAX_LISTED = 20

/**
 * Postgres `text` and `jsonb` refuse U+0000, and a lone UTF-16 surrogate has no UTF-8 encoding (the driver
 * would silently store U+FFFD instead), so neither may reach a query.
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\0') && value.isWellFormed()
}

/**
 * Paths of every string (values and object keys) that {@link isStorableText} refuses. Iterative rather
 * than recursive: a body of deeply nested arrays must not overflow the stack.
 */
export function unstorableTextPaths(input: unknown, root: string): string[] {
  const found: string[] = []
  const pending: [unknown, string][] = [
    [input, root],
  ]
  while (pending.length > 0 && found.length < MAX_LISTED) {
    const [value, path] = pending.pop()!
    if (typeof value === 'string') {
      if (!isStorableText(value))
        found.push(path)
    }
    else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([item, `${path}.${index}`]))
    }
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        // An offending key is named in its JSON-escaped form so the problem document stays printable.
        const keyPath = `${path}.${isStorableText(key)
          ? key
          : JSON.stringify(key).slice(1, -1)}`
        if (!isStorableText(key))
          found.push(keyPath)
        pending.push([item, keyPath])
      }
    }
  }
  return found
}

/**
 * Rejects a request part holding text Postgres cannot store, with the same problem shape as `validate`.
 *
 * @example
 * assertStorableText(JSON.parse(text), 'body')
 */
export function assertStorableText(input: unknown, part: 'body' | 'query' | 'params'): void {
  const paths = unstorableTextPaths(input, part)
  if (paths.length === 0)
    return
  throw new Problem(400, 'Validation failed', {
    detail: `The request ${part} is invalid.`,
    errors: paths.map(path => ({ path, message: 'must not contain NUL characters or unpaired surrogates' })),
  })
}
