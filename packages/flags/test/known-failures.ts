/**
 * Checks of @unleash/client-specification this engine is known to answer differently, by check id
 * (`<file>: <description>`), with why. Empty: every evaluation check passes. A listed check that starts
 * passing fails the suite, and so does an id no check has, so the list never goes stale.
 */
export const KNOWN_FAILURES: ReadonlyMap<string, string> = new Map<string, string>([])
