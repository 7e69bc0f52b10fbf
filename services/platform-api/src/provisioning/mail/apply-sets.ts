import type { FieldChange } from '../../db/schema'
import type { StepContext } from '../step'
import type { SetCall, SetFailure, SetOutcome, StalwartDriver } from './create-stalwart-driver'
import { permanent, retryable } from '../upstream-error'

/** What one create/update/destroy entry means, for the audit log (never a secret in `changes`). */
export interface EntryLabel {
  /** The name people know it by (domain name, e-mail address). */
  label: string
  changes: FieldChange[]
}

/** A `/set` call and what each of its entries is, keyed like the call (client id or object id). */
export interface PlannedSet {
  call: SetCall
  labels: Record<string, EntryLabel>
}

const OBJECT_NAMES = { Domain: 'domain', Account: 'account', DkimSignature: 'dkim' } as const

// A duplicate on create means someone made it between our read and write: the next run adopts it. An
// update whose object vanished is re-read next time. Anything else is the input's fault.
const RETRYABLE_SET_ERRORS = new Set(['primaryKeyViolation', 'notFound'])

function describe(failure: SetFailure): string {
  return `${failure.type}${failure.properties?.length
    ? ` (${failure.properties.join(', ')})`
    : ''}${failure.description
    ? `: ${failure.description}`
    : ''}`
}

/**
 * Runs the planned `/set` calls in one JMAP request, records every applied entry with `ctx.recordWrite`
 * (as `stalwart.<object>.create|update|delete`), then throws for the first refused entry, if any.
 * Destroying what is already gone counts as done.
 */
export async function applySets(driver: StalwartDriver, planned: PlannedSet[], ctx: StepContext): Promise<SetOutcome[]> {
  const sets = planned.filter(({ call }) => Object.keys(call.create ?? {}).length + Object.keys(call.update ?? {}).length + (call.destroy?.length ?? 0) > 0)
  if (sets.length === 0) {
    return planned.map(() => ({
      created: {},
      updated: [],
      destroyed: [],
      notCreated: {},
      notUpdated: {},
      notDestroyed: {},
    }))
  }
  const outcomes = await driver.set(sets.map(({ call }) => call), ctx.signal)
  const failures: string[] = []
  let retry: boolean | undefined
  for (const [i, { call, labels }] of sets.entries()) {
    const outcome = outcomes[i]!
    const object = OBJECT_NAMES[call.object]
    const record = async (verb: string, key: string, id: string) => {
      const label = labels[key]
      await ctx.recordWrite({
        upstream: 'stalwart',
        action: `stalwart.${object}.${verb}`,
        targetType: `stalwart.${object}`,
        targetId: id,
        changes: label?.changes ?? [],
      })
    }
    for (const [key, id] of Object.entries(outcome.created))
      await record('create', key, id)
    for (const id of outcome.updated)
      await record('update', id, id)
    for (const id of outcome.destroyed)
      await record('delete', id, id)
    const refused = [
      ...Object.entries(outcome.notCreated).map(([key, failure]) => ['create', key, failure] as const),
      ...Object.entries(outcome.notUpdated).map(([key, failure]) => ['update', key, failure] as const),
      ...Object.entries(outcome.notDestroyed).filter(([, failure]) => failure.type !== 'notFound').map(([key, failure]) => ['delete', key, failure] as const),
    ]
    for (const [verb, key, failure] of refused) {
      failures.push(`${verb} ${object} ${labels[key]?.label ?? key} refused: ${describe(failure)}`)
      // The first refusal is the cause (domains go first; their accounts then fail to resolve `#d0`).
      retry ??= RETRYABLE_SET_ERRORS.has(failure.type)
    }
  }
  if (failures.length > 0) {
    const message = failures.join('; ')
    throw retry
      ? retryable('stalwart', message)
      : permanent('stalwart', message)
  }
  const byCall = new Map(sets.map((set, i) => [set, outcomes[i]!]))
  return planned.map(set => byCall.get(set) ?? {
    created: {},
    updated: [],
    destroyed: [],
    notCreated: {},
    notUpdated: {},
    notDestroyed: {},
  })
}
