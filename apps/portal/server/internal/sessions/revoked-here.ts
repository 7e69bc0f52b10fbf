/**
 * Public ids of sessions revoked by this process, so they are signed out on their very next request
 * rather than at the next (throttled) look at the stored tombstone. Bounded: after a restart the
 * tombstones in storage take over.
 */
const revoked = new Set<string>()

export function markRevoked(key: string): void {
  if (revoked.size >= 10_000)
    revoked.clear()
  revoked.add(key)
}

export function isRevokedHere(key: string): boolean {
  return revoked.has(key)
}
