import { Problem } from '../http/problem'

/**
 * Optimistic concurrency for the console: `If-Match: "<version>"` (the flag's `version`) makes a change
 * apply only to the flag the editor saw; anyone else's save in between is a 412, not silently overwritten.
 * Without the header the change applies (API clients that read-modify-write in one step).
 */
export function checkIfMatch(ifMatch: string | null, version: number): void {
  if (!ifMatch || ifMatch.trim() === '*')
    return
  const tags = ifMatch.split(',').map(tag => tag.trim().replace(/^W\//, '').replace(/^"|"$/g, ''))
  if (!tags.includes(String(version)))
    throw new Problem(412, 'Precondition failed', { detail: `The flag changed meanwhile (now version ${version}); reload it and apply your change again.` })
}
