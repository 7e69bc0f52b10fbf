import type { ProvisioningStep } from '../step'
import type { StalwartDriver } from './create-stalwart-driver'
import type { EnsureMailOptions, MailObserved } from './ensure-mail'
import { ensureMail } from './ensure-mail'
import { removeMailDomains } from './remove-mail-domains'

/**
 * The mail step: Stalwart domains (automatic DKIM) and one mailbox per member on a tenant domain.
 * - no domain → `skipped`
 * - `present` / `suspended` → see {@link ensureMail}; domains the tenant dropped are removed first
 * - `absent` → accounts, DKIM keys and domains deleted — only those the step created or recorded
 *
 * Observed: `{ domains: { [name]: id }, accounts: { [email]: id } }`; outputs: `{ dnsRecords }`.
 *
 * @example
 * const step = createMailStep(createStalwartDriver({ baseUrl, credential: { apiKey }, timeoutMs: 10_000 }))
 * const outcome = await step.run(desired, ctx)
 */
export function createMailStep(driver: StalwartDriver, options: Partial<EnsureMailOptions> = {}): ProvisioningStep {
  const settings: EnsureMailOptions = {
    dkimGraceMs: options.dkimGraceMs ?? 120_000,
    waitRetryMs: options.waitRetryMs ?? 5_000,
    now: options.now ?? Date.now,
  }
  return {
    name: 'mail',
    async run(desired, ctx) {
      const observed = (desired.observed ?? {}) as Partial<MailObserved>
      const owner = { slug: desired.slug, observed }
      const previous = Object.keys(observed.domains ?? {})
      if (desired.mode === 'absent') {
        await removeMailDomains(driver, [
          ...new Set([
            ...desired.domains,
            ...previous,
          ]),
        ], owner, ctx)
        return {
          status: 'ok',
          observed: { domains: {}, accounts: {} },
          outputs: { dnsRecords: [] },
        }
      }
      await removeMailDomains(driver, previous.filter(name => !desired.domains.includes(name)), owner, ctx)
      if (desired.domains.length === 0) {
        return {
          status: 'skipped',
          reason: 'no domain',
          observed: { domains: {}, accounts: {} },
          outputs: { dnsRecords: [] },
        }
      }
      return ensureMail(driver, desired, ctx, settings)
    },
  }
}
