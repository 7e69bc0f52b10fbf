import type { StalwartTwin } from '@dezky/twins'
import type { DesiredMember, DesiredTenant, ProvisioningStep, StepOutcome, UpstreamWrite } from '../../src/provisioning/step'
import type { RecordedRequest } from './recording-fetch'
import { createMailStep } from '../../src/provisioning/mail/create-mail-step'
import { createStalwartDriver } from '../../src/provisioning/mail/create-stalwart-driver'
import { recordingFetch } from './recording-fetch'
import { desiredMember, desiredTenant, recordingContext } from './step-fixtures'

let counter = 0

export function member(email: string, active = true): DesiredMember {
  return desiredMember(email, { active })
}

/** A tenant with its own domain (`t<n>.com`): two mailboxes and one member whose address is elsewhere. */
export function mailTenant(overrides: Partial<DesiredTenant> = {}): DesiredTenant {
  counter++
  const domain = `t${counter}-${process.pid}.com`
  return desiredTenant({
    id: `t${counter}`,
    slug: `t${counter}`,
    quotas: { mailboxBytes: 5_000_000, storageBytes: 50_000_000 },
    domains: [domain],
    members: [
      member(`owner@${domain}`),
      member(`dev@${domain}`),
      member(`guest${counter}@gmail.com`),
    ],
    ...overrides,
  })
}

export interface Recorded { requests: RecordedRequest[] }

/** A driver for the twin whose requests are recorded (JMAP method names per request). */
export function mailDriver(twin: StalwartTwin, recorded: Recorded = { requests: [] }, options: { timeoutMs?: number, apiKey?: string } = {}) {
  return createStalwartDriver({
    baseUrl: twin.url,
    credential: { apiKey: options.apiKey ?? twin.apiKey },
    timeoutMs: options.timeoutMs ?? 5_000,
    fetch: recordingFetch(request => recorded.requests.push(request)),
  })
}

export async function runStep(step: ProvisioningStep, desired: DesiredTenant): Promise<{ outcome: StepOutcome, writes: UpstreamWrite[] }> {
  const { ctx, writes } = recordingContext()
  const outcome = await step.run(desired, ctx)
  desired.observed = outcome.observed ?? desired.observed
  desired.outputs = outcome.outputs ?? desired.outputs
  return { outcome, writes }
}

/** Runs until the step stops waiting for DKIM keys (the twin makes them in the background). */
export async function converge(twin: StalwartTwin, step: ProvisioningStep, desired: DesiredTenant) {
  let result = await runStep(step, desired)
  for (let i = 0; i < 5 && result.outcome.status === 'waiting'; i++) {
    await twin.dkimSettled()
    result = await runStep(step, desired)
  }
  return result
}

export function defaultStep(twin: StalwartTwin, recorded?: Recorded, options: Parameters<typeof createMailStep>[1] = {}) {
  return createMailStep(mailDriver(twin, recorded), options)
}

/** The twin's objects without volatile fields, to compare states. */
export function snapshot(twin: StalwartTwin) {
  return (['Domain', 'Account', 'DkimSignature'] as const).map(type => twin.objects(type))
}
