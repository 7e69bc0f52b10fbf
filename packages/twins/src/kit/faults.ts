import { z } from 'zod'

/**
 * What a twin does to requests before its own handler sees them. Every rate is a probability in [0, 1],
 * drawn per request; the first fault drawn wins (hang, reset, 429, 5xx, lost answer, in that order), latency applies
 * to every request that is answered.
 */
export const ZFaults = z.strictObject({
  latencyMs: z.number().int().min(0).max(120_000).default(0),
  jitterMs: z.number().int().min(0).max(120_000).default(0),
  errorRate: z.number().min(0).max(1).default(0),
  /** The 5xx status to answer with. */
  errorStatus: z.number().int().min(500).max(599).default(503),
  /** The request is held open until the client gives up (the connection closes) or `hangMs` passes. */
  hangRate: z.number().min(0).max(1).default(0),
  hangMs: z.number().int().min(0).max(600_000).default(300_000),
  /** The TCP connection is destroyed without an answer. */
  resetRate: z.number().min(0).max(1).default(0),
  /**
   * The request is carried out, then the connection is destroyed instead of answering: the client cannot
   * tell whether its write happened (a proxy timing out, a crash right after the commit).
   */
  lostAnswerRate: z.number().min(0).max(1).default(0),
  rateLimitRate: z.number().min(0).max(1).default(0),
  retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
  /** Faults hit only requests whose path starts with one of these (all requests when empty). */
  paths: z.array(z.string()).default([]),
  /** Faults hit only writes (non-GET requests and JMAP `/set` calls are the twin's to classify) when true. */
  writesOnly: z.boolean().default(false),
})
export type Faults = z.infer<typeof ZFaults>
export type FaultsInput = z.input<typeof ZFaults>

export type FaultKind = 'hang' | 'reset' | 'rateLimit' | 'error' | 'lostAnswer'

export function noFaults(): Faults {
  return ZFaults.parse({})
}

/** Draws the fault for one request, or none. `random` is injectable so tests can force an outcome. */
export function drawFault(faults: Faults, random: () => number = Math.random): FaultKind | undefined {
  if (random() < faults.hangRate)
    return 'hang'
  if (random() < faults.resetRate)
    return 'reset'
  if (random() < faults.rateLimitRate)
    return 'rateLimit'
  if (random() < faults.errorRate)
    return 'error'
  if (random() < faults.lostAnswerRate)
    return 'lostAnswer'
  return undefined
}

export function latencyFor(faults: Faults, random: () => number = Math.random): number {
  return faults.latencyMs + Math.round(random() * faults.jitterMs)
}

export function faultApplies(faults: Faults, path: string, isWrite: boolean): boolean {
  if (faults.writesOnly && !isWrite)
    return false
  return faults.paths.length === 0 || faults.paths.some(prefix => path.startsWith(prefix))
}
