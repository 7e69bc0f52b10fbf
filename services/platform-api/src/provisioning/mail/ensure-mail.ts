import type { DesiredTenant, StepContext, StepOutcome } from '../step'
import type { PlannedSet } from './apply-sets'
import type { StalwartDriver } from './create-stalwart-driver'
import type { DnsRecord } from './parse-zone-file'
import { applySets } from './apply-sets'
import { findMailDomains } from './find-mail-domains'
import { mailMarkerFor } from './mail-marker'
import { hasDkim, parseZoneFile } from './parse-zone-file'
import { domainClientId, mailboxMembers, planAccounts, planDomains } from './plan-mail-writes'

export interface MailObserved {
  domains: Record<string, string>
  accounts: Record<string, string>
  /** While keys are awaited: when their generation was last asked for, per domain (epoch ms). */
  dkimRequestedAt?: Record<string, number>
}

export interface EnsureMailOptions {
  /** How long to wait for DKIM keys before asking Stalwart again. */
  dkimGraceMs: number
  /** The longest wait before looking again while keys are being generated (it starts at 100 ms). */
  waitRetryMs: number
  now: () => number
}

/**
 * `present` and `suspended`: the tenant's domains exist with automatic DKIM, each member on one of them
 * has a mailbox (able to sign in and send only when present and active), nobody else has one, and the
 * records to publish are read from each domain's zone file. Keys appear asynchronously after a domain is
 * created: until every domain has them the outcome is `waiting`.
 */
export async function ensureMail(driver: StalwartDriver, desired: DesiredTenant, ctx: StepContext, options: EnsureMailOptions): Promise<StepOutcome> {
  const before = (desired.observed ?? {}) as Partial<MailObserved>
  const found = await findMailDomains(driver, desired.domains, { slug: desired.slug, observedIds: before.domains ?? {} }, ctx.signal)
  const domainSet = planDomains(desired, found)
  const accountSet = planAccounts(desired, found, Object.values(before.accounts ?? {}))
  const [domainOutcome, accountOutcome] = await applySets(driver, [domainSet, accountSet], ctx)

  const observed: MailObserved = { domains: {}, accounts: {} }
  desired.domains.forEach((name, index) => {
    observed.domains[name] = found.domains.get(name)?.id ?? domainOutcome!.created[domainClientId(index)]!
  })
  mailboxMembers(desired).forEach((member, index) => {
    // Only mailboxes this step made are recorded (and so ever deleted): one an admin made by hand for
    // the same address is used, never taken over.
    const existing = found.accounts.find(account => account.email === member.email)
    const id = existing
      ? (existing.description === mailMarkerFor(desired.slug)
          ? existing.id
          : undefined)
      : accountOutcome!.created[`a${index}`]
    if (id)
      observed.accounts[member.email] = id
  })

  const now = options.now()
  const waiting: string[] = []
  const requested: Record<string, number> = {}
  const retrigger: PlannedSet[] = [
    {
      call: { object: 'Domain', update: {} },
      labels: {},
    },
    {
      call: { object: 'Domain', update: {} },
      labels: {},
    },
  ]
  const dnsRecords: DnsRecord[] = []
  for (const name of desired.domains) {
    const domain = found.domains.get(name)
    const switched = domain && domainSet.call.update?.[domain.id]?.dkimManagement
    if (domain && !switched && hasDkim(domain.dnsZoneFile)) {
      dnsRecords.push(...parseZoneFile(name, domain.dnsZoneFile))
      continue
    }
    waiting.push(name)
    const since = Math.max(before.dkimRequestedAt?.[name] ?? 0, domain?.createdAt
      ? Date.parse(domain.createdAt)
      : 0)
    if (!domain || switched || now - since < options.dkimGraceMs) {
      requested[name] = domain && !switched
        ? since
        : now
      continue
    }
    // Keys gone (deleted by hand) or never made: Stalwart starts key generation when a domain turns
    // Automatic, so switch it to Manual and back in one request.
    retrigger[0]!.call.update![domain.id] = {
      dkimManagement: { '@type': 'Manual' },
    }
    retrigger[0]!.labels[domain.id] = {
      label: name,
      changes: [
        { field: 'dkimManagement', before: 'Automatic', after: 'Manual' },
      ],
    }
    retrigger[1]!.call.update![domain.id] = {
      dkimManagement: { '@type': 'Automatic' },
    }
    retrigger[1]!.labels[domain.id] = {
      label: name,
      changes: [
        { field: 'dkimManagement', before: 'Manual', after: 'Automatic' },
      ],
    }
    requested[name] = now
  }
  await applySets(driver, retrigger, ctx)

  if (waiting.length > 0) {
    return {
      status: 'waiting',
      reason: `waiting for Stalwart to generate DKIM keys for ${waiting.join(', ')}`,
      // Keys usually come within a second: look again soon, then less often the longer it takes.
      retryInMs: Math.min(options.waitRetryMs, Math.max(100, now - Math.min(...Object.values(requested)))),
      observed: { ...observed, dkimRequestedAt: requested },
      outputs: { dnsRecords },
    }
  }
  return {
    status: 'ok',
    observed: { ...observed },
    outputs: { dnsRecords },
  }
}
