import type { DesiredMember, DesiredTenant, StepContext, UpstreamWrite } from '../../src/provisioning/step'
import { pino } from 'pino'
import { expect } from 'vitest'
import { UpstreamError } from '../../src/provisioning/upstream-error'

/**
 * An active member known by e-mail; named after the local part unless `overrides` say otherwise.
 * @example
 * desiredMember('ana@acme.test', { role: 'owner' })
 */
export function desiredMember(email: string, overrides: Partial<DesiredMember> = {}): DesiredMember {
  return {
    userId: email,
    email,
    name: email.split('@')[0]!,
    role: 'member',
    active: true,
    activeElsewhere: false,
    ...overrides,
  }
}

/**
 * A present starter tenant with no domains, members or history; each test file overrides what its step reads.
 * @example
 * desiredTenant({ slug: 'acme', members: [desiredMember('ana@acme.test', { role: 'owner' })] })
 */
export function desiredTenant(overrides: Partial<DesiredTenant> = {}): DesiredTenant {
  return {
    id: 't1',
    slug: 'acme',
    name: 'Acme',
    mode: 'present',
    plan: 'starter',
    quotas: { mailboxBytes: 1, storageBytes: 1 },
    domains: [],
    members: [],
    observed: {},
    outputs: {},
    otherSteps: {},
    ...overrides,
  }
}

/**
 * A step context that keeps every `recordWrite` in `writes`, so a test can compare them with the twin's counters.
 * @example
 * const { ctx, writes } = recordingContext()
 * await step.run(desired, ctx)
 * expect(writes).toHaveLength(twin.writes().total)
 */
export function recordingContext(): { ctx: StepContext, writes: UpstreamWrite[] } {
  const writes: UpstreamWrite[] = []
  const ctx: StepContext = {
    signal: new AbortController().signal,
    recordWrite: async (write) => {
      writes.push(write)
    },
    logger: pino({ level: 'silent' }),
  }
  return { ctx, writes }
}

/**
 * The UpstreamError a promise rejects with; fails the test when it resolves or rejects with anything else.
 * @example
 * expect((await upstreamFailure(step.run(desired, ctx))).retryable).toBe(true)
 */
export async function upstreamFailure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught)
  expect(error).toBeInstanceOf(UpstreamError)
  return error as UpstreamError
}
