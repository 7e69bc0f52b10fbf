import type { StalwartTwin } from '@dezky/twins'
import type { DesiredTenant } from '../../src/provisioning/step'
import type { UpstreamError } from '../../src/provisioning/upstream-error'
import { startStalwartTwin } from '@dezky/twins'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMailStep } from '../../src/provisioning/mail/create-mail-step'
import { createStalwartDriver } from '../../src/provisioning/mail/create-stalwart-driver'
import { converge, defaultStep, mailDriver, mailTenant, member, runStep, snapshot } from './mail-fixtures'
import { upstreamFailure } from './step-fixtures'

let twin: StalwartTwin

beforeAll(async () => {
  twin = await startStalwartTwin({ dkimDelayMs: 20 })
})
afterAll(() => twin.stop())

const signal = new AbortController().signal
const accountOf = (email: string) => twin.objects('Account').find(account => account.emailAddress === email)

/** A domain someone made in Stalwart by hand (or another platform), with mailboxes of its own. */
async function foreignDomain(name: string, locals: string[], description?: string): Promise<string> {
  const [outcome] = await mailDriver(twin).set([
    {
      object: 'Domain',
      create: {
        d: {
          name,
          aliases: {},
          certificateManagement: { '@type': 'Manual' },
          dkimManagement: { '@type': 'Automatic' },
          dnsManagement: { '@type': 'Manual' },
          subAddressing: { '@type': 'Enabled' },
          ...(description === undefined
            ? {}
            : { description }),
        },
      },
    },
  ], signal)
  const domainId = outcome!.created.d!
  if (locals.length > 0)
    await foreignAccounts(domainId, locals)
  return domainId
}

async function foreignAccounts(domainId: string, locals: string[]): Promise<void> {
  await mailDriver(twin).set([
    {
      object: 'Account',
      create: Object.fromEntries(locals.map(local => [
        local,
        {
          '@type': 'User',
          'name': local,
          domainId,
          'credentials': {
            0: { '@type': 'Password', 'secret': 'a long enough secret for the twin 42!' },
          },
          'roles': { '@type': 'User' },
          'permissions': { '@type': 'Inherit' },
          'encryptionAtRest': { '@type': 'Disabled' },
        },
      ])),
    },
  ], signal)
}

function failure(desired: DesiredTenant): Promise<UpstreamError> {
  return upstreamFailure(runStep(defaultStep(twin), desired))
}

describe('mail step never destroys what Dezky did not create', () => {
  it('refuses a pre-existing domain of the same name, and deletes nothing on it', async () => {
    const desired = mailTenant()
    const [domain] = desired.domains
    await foreignDomain(domain!, ['owner', 'ceo', 'sales'])
    await twin.dkimSettled()
    const before = snapshot(twin)
    twin.resetWrites()
    const error = await failure(desired)
    expect(error.retryable).toBe(false)
    expect(error.message).toContain(`domain ${domain} already exists in Stalwart and is not managed by Dezky for tenant ${desired.slug}`)
    expect(twin.writes().total).toBe(0)
    expect(snapshot(twin)).toEqual(before)
  })

  it('refuses a domain another tenant created, also when absent', async () => {
    const other = mailTenant()
    await converge(twin, defaultStep(twin), other)
    const desired = mailTenant({ domains: other.domains, members: other.members })
    const before = snapshot(twin)
    expect((await failure(desired)).message).toContain('not managed by Dezky')
    desired.mode = 'absent'
    const { writes } = await runStep(defaultStep(twin), desired)
    expect(writes).toEqual([])
    expect(snapshot(twin)).toEqual(before)
  })

  it('adopts a domain it created whose id it never recorded (a lost create answer)', async () => {
    const desired = mailTenant()
    const lost: DesiredTenant = {
      ...desired,
      members: [desired.members[0]!],
      observed: {},
    }
    await converge(twin, defaultStep(twin), lost)
    const domains = twin.objects('Domain').length
    const result = await converge(twin, defaultStep(twin), desired)
    expect(result.outcome.status).toBe('ok')
    expect(twin.objects('Domain')).toHaveLength(domains)
    expect(desired.observed.domains).toEqual(lost.observed.domains)
  })

  it('marks a domain it recorded before domains carried the marker, once', async () => {
    const desired = mailTenant()
    const [domain] = desired.domains
    const id = await foreignDomain(domain!, [])
    desired.observed = {
      domains: { [domain!]: id },
      accounts: {},
    }
    const first = await converge(twin, defaultStep(twin), desired)
    expect(first.outcome.status).toBe('ok')
    expect(twin.objects('Domain').find(d => d.id === id)!.description).toBe(`dezky:tenant:${desired.slug}`)
    expect((await runStep(defaultStep(twin), desired)).writes).toEqual([])
  })

  it('leaves mailboxes it did not create on its domain alone, and keeps the domain when absent', async () => {
    const desired = mailTenant()
    const [domain] = desired.domains
    await converge(twin, defaultStep(twin), desired)
    const domainId = (desired.observed.domains as Record<string, string>)[domain!]!
    await foreignAccounts(domainId, ['shared'])

    desired.members = desired.members.filter(m => !m.email.startsWith('dev@'))
    const present = await runStep(defaultStep(twin), desired)
    expect(present.writes.map(w => [w.action, w.changes[0]!.before])).toEqual([
      ['stalwart.account.delete', `dev@${domain}`],
    ])
    expect(accountOf(`shared@${domain}`)).toBeDefined()

    desired.mode = 'absent'
    const error = await runStep(defaultStep(twin), desired).then(() => undefined, (caught: unknown) => caught)
    expect(error).toMatchObject({ retryable: false })
    expect(String(error)).toContain(`shared@${domain}`)
    expect(accountOf(`owner@${domain}`)).toBeUndefined()
    expect(accountOf(`shared@${domain}`)).toBeDefined()
    expect(twin.objects('Domain').some(d => d.id === domainId)).toBe(true)
  })

  it('deletes a mailbox it created but never recorded (a lost create answer)', async () => {
    const desired = mailTenant()
    const [domain] = desired.domains
    desired.members.push(member(`temp@${domain}`))
    await converge(twin, defaultStep(twin), desired)
    const observed = desired.observed as { accounts: Record<string, string> }
    delete observed.accounts[`temp@${domain}`]
    desired.members = desired.members.filter(m => !m.email.startsWith('temp@'))
    const { writes } = await runStep(defaultStep(twin), desired)
    expect(writes.map(w => w.action)).toEqual(['stalwart.account.delete'])
    expect(accountOf(`temp@${domain}`)).toBeUndefined()
  })
})

/** A step whose first `x:<object>/set` is preceded by `before` — someone else's write in between. */
function racedStep(object: string, before: () => Promise<unknown>) {
  let raced = false
  return createMailStep(createStalwartDriver({
    baseUrl: twin.url,
    credential: { apiKey: twin.apiKey },
    timeoutMs: 5_000,
    fetch: async (input, init) => {
      if (!raced && String(init?.body ?? '').includes(`"x:${object}/set"`)) {
        raced = true
        await before()
      }
      return fetch(input, init)
    },
  }))
}

describe('mail step creates that lose a race', () => {
  it('retries a domain someone created meanwhile, then refuses it when it is not the tenant\'s', async () => {
    const desired = mailTenant()
    const error = await runStep(racedStep('Domain', () => foreignDomain(desired.domains[0]!, [])), desired).then(() => undefined, (caught: unknown) => caught)
    expect(error).toMatchObject({
      retryable: true,
      message: expect.stringContaining('primaryKeyViolation'),
    })
    expect((await failure(desired)).message).toContain('not managed by Dezky')
  })

  it('retries a mailbox someone created meanwhile, then uses it without taking it over', async () => {
    const desired = mailTenant()
    const [domain] = desired.domains
    await converge(twin, defaultStep(twin), desired)
    desired.members.push(member(`late@${domain}`))
    const domainId = (desired.observed.domains as Record<string, string>)[domain!]!
    const error = await runStep(racedStep('Account', () => foreignAccounts(domainId, ['late'])), desired).then(() => undefined, (caught: unknown) => caught)
    expect(error).toMatchObject({ retryable: true })
    const again = await runStep(defaultStep(twin), desired)
    expect(again.outcome.status).toBe('ok')
    expect(twin.objects('Account').filter(a => a.emailAddress === `late@${domain}`)).toHaveLength(1)
    // Not recorded as the step's own: it is never deleted when the member leaves or the tenant goes.
    expect((again.outcome as unknown as { observed: { accounts: Record<string, string> } }).observed.accounts[`late@${domain}`]).toBeUndefined()
  })
})
