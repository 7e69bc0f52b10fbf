import type { StalwartStore } from './store'
import type { StoredObject } from './types'
import { z } from 'zod'

const ZEmail = z.email()

/** What `POST /__twin/drift` can do behind the platform's back (an operator in Stalwart's web admin). */
export const ZStalwartDrift = z.discriminatedUnion('action', [
  /** Removes the domain with its accounts and DKIM signatures. */
  z.strictObject({
    action: z.literal('deleteDomain'),
    name: z.string(),
  }),
  z.strictObject({
    action: z.literal('deleteAccount'),
    email: ZEmail,
  }),
  z.strictObject({
    action: z.literal('setAccountQuota'),
    email: ZEmail,
    maxDiskQuota: z.number().int().min(0),
  }),
  /** Takes away the right to sign in, as an admin would in the account's permissions. */
  z.strictObject({
    action: z.literal('disableAccount'),
    email: ZEmail,
  }),
  z.strictObject({
    action: z.literal('enableAccount'),
    email: ZEmail,
  }),
  z.strictObject({
    action: z.literal('deleteDkimSignatures'),
    domain: z.string(),
  }),
  /** The next `times` calls of `method` fail with this method-level error (e.g. `serverFail`). */
  z.strictObject({
    action: z.literal('failMethod'),
    method: z.string(),
    type: z.string(),
    times: z.number().int().min(1).default(1),
  }),
])
export type StalwartDrift = z.input<typeof ZStalwartDrift>

export interface DriftOutcome {
  applied: boolean
  detail: string
}

export interface DriftTarget {
  store: StalwartStore
  injectMethodError: (method: string, type: string, times: number) => void
}

function accountByEmail(store: StalwartStore, email: string): StoredObject | undefined {
  const [local, domainName] = email.toLowerCase().split('@')
  const domain = store.list('Domain').find(d => d.name === domainName)
  return domain && store.list('Account').find(a => a.domainId === domain.id && a.name === local)
}

/** Applies one drift (validated with {@link ZStalwartDrift}); `applied: false` when the target is absent. */
export function applyDrift(input: unknown, target: DriftTarget): DriftOutcome {
  const drift = ZStalwartDrift.parse(input)
  const { store } = target
  if (drift.action === 'failMethod') {
    target.injectMethodError(drift.method, drift.type, drift.times)
    return { applied: true, detail: `${drift.method} fails ${drift.times}× with ${drift.type}` }
  }
  if (drift.action === 'deleteDomain' || drift.action === 'deleteDkimSignatures') {
    const name = drift.action === 'deleteDomain'
      ? drift.name
      : drift.domain
    const domain = store.list('Domain').find(d => d.name === name)
    if (!domain)
      return { applied: false, detail: `no domain ${name}` }
    for (const signature of store.list('DkimSignature').filter(s => s.domainId === domain.id))
      store.remove('DkimSignature', signature.id)
    if (drift.action === 'deleteDomain') {
      for (const account of store.list('Account').filter(a => a.domainId === domain.id))
        store.remove('Account', account.id)
      store.remove('Domain', domain.id)
    }
    return { applied: true, detail: `${drift.action} ${name}` }
  }
  const account = accountByEmail(store, drift.email)
  if (!account)
    return { applied: false, detail: `no account ${drift.email}` }
  if (drift.action === 'deleteAccount') {
    store.remove('Account', account.id)
  }
  else if (drift.action === 'setAccountQuota') {
    store.replace('Account', {
      ...account,
      quotas: { ...account.quotas as object, maxDiskQuota: drift.maxDiskQuota },
    })
  }
  else if (drift.action === 'disableAccount') {
    store.replace('Account', {
      ...account,
      permissions: {
        '@type': 'Merge',
        'enabledPermissions': {},
        'disabledPermissions': { authenticate: true },
      },
    })
  }
  else {
    store.replace('Account', {
      ...account,
      permissions: { '@type': 'Inherit' },
    })
  }
  return { applied: true, detail: `${drift.action} ${drift.email}` }
}
