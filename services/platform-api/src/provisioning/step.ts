import type { TPlan, TTenantRole } from '@dezky/contracts'
import type { Logger } from 'pino'
import type { FieldChange } from '../db/schema'
import type { Upstream } from './upstream-error'
import { PROVISIONING_STATUSES, PROVISIONING_STEPS } from '@dezky/contracts'

export const STEP_NAMES = PROVISIONING_STEPS
export type StepName = typeof STEP_NAMES[number]

/**
 * What the tenant should look like upstream:
 * - `present`: everything exists and is usable
 * - `suspended`: everything exists but nobody can sign in, send mail or open files (data kept)
 * - `absent`: offboarded after its grace period — everything removed, in a safe order
 */
export type DesiredMode = 'present' | 'suspended' | 'absent'

export interface DesiredMember {
  userId: string
  /** Lower-case; also the Authentik username and, when on a tenant domain, the mailbox address. */
  email: string
  name: string
  role: TTenantRole
  /** The membership and the user are both active. */
  active: boolean
  /**
   * The person has an active membership in another tenant that is not suspended or offboarded: their
   * Authentik account must stay active and must not be deleted whatever happens to this tenant.
   */
  activeElsewhere: boolean
}

export interface DesiredTenant {
  id: string
  slug: string
  name: string
  mode: DesiredMode
  plan: TPlan
  quotas: { mailboxBytes: number, storageBytes: number }
  /** Lower-case DNS names; the first is the primary. */
  domains: string[]
  members: DesiredMember[]
  /** What this step observed last time (upstream ids), so it can read by id before searching by name. */
  observed: Record<string, unknown>
  /** What this step produced last time (e.g. the DNS records to publish, onboarding `sentAt`). */
  outputs: Record<string, unknown>
  /** The other steps' current status: onboarding waits for the rest to be `ok`. */
  otherSteps: Partial<Record<StepName, StepStatus>>
  /** While offboarding: when the grace period ends and the mode turns `absent`. */
  offboardAfter?: Date | null
  /** Database time at which this desired state was read. */
  loadedAt?: Date
}

export const STEP_STATUSES = PROVISIONING_STATUSES
export type StepStatus = typeof STEP_STATUSES[number]

/** One write a driver made upstream; it becomes an audit entry by `system:reconciler`. */
export interface UpstreamWrite {
  upstream: Upstream
  /** e.g. `authentik.group.create`, `stalwart.account.update`, `ocis.space.disable` */
  action: string
  /** e.g. `authentik.group`, `stalwart.account`, `ocis.space` */
  targetType: string
  /** The upstream id (or name when the id is not known yet). */
  targetId: string
  changes: FieldChange[]
}

export interface StepContext {
  /** Aborted when the worker loses its lease or shuts down: stop starting new upstream calls. */
  signal: AbortSignal
  /**
   * Call right after each successful upstream write. It returns at once: the audit entries are written
   * in order in the background, several per transaction, and flushed before the run's outcome is stored.
   */
  recordWrite: (write: UpstreamWrite) => Promise<void>
  logger: Logger
}

export type StepOutcome
  = | {
    status: 'ok'
    /** Upstream ids seen (group ids, account ids, space id…), stored and shown to operators. */
    observed: Record<string, unknown>
    /** Results for the UIs, e.g. `{ dnsRecords: [...] }` for mail, `{ sentAt }` for onboarding. */
    outputs?: Record<string, unknown>
  }
  /** Nothing to do for this tenant (no domain → no mail); counts as done. */
  | { status: 'skipped', reason: string, observed?: Record<string, unknown>, outputs?: Record<string, unknown> }
  /**
   * Not failed, not done: the upstream is still working (DKIM keys being generated) or another step
   * must finish first. Rescheduled after `retryInMs` without counting an attempt.
   */
  | {
    status: 'waiting'
    reason: string
    retryInMs: number
    /**
     * Steps this one waits for: it runs again as soon as they are all ok or skipped (the timer is only
     * a fallback). Leave out when waiting on the upstream itself (DKIM keys being made).
     */
    waitingFor?: StepName[]
    observed?: Record<string, unknown>
    outputs?: Record<string, unknown>
  }

/**
 * One step of a tenant's reconcile. Level-triggered: `run` reads the upstream, compares it with
 * `desired`, and changes only what differs, so running it again, or after a crash half-way, is safe.
 * Throw an UpstreamError (see upstream-error.ts) to fail; retryable errors are retried with backoff.
 */
export interface ProvisioningStep {
  name: StepName
  run: (desired: DesiredTenant, ctx: StepContext) => Promise<StepOutcome>
}
