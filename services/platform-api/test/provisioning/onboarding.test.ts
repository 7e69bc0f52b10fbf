import type { SmtpTwin } from '@dezky/twins'
import type { DesiredMember, DesiredTenant, StepContext, StepOutcome, UpstreamWrite } from '../../src/provisioning/step'
import { freePort, startSmtpTwin } from '@dezky/twins'
import { pino } from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createOnboardingStep } from '../../src/provisioning/onboarding/create-onboarding-step'
import { desiredMember, desiredTenant, recordingContext, upstreamFailure } from './step-fixtures'

let smtp: SmtpTwin
const PORTAL = 'https://portal.dezky.test'

function member(email: string, role: DesiredMember['role'], active = true): DesiredMember {
  return desiredMember(email, { name: email, role, active })
}

function tenant(overrides: Partial<DesiredTenant> = {}): DesiredTenant {
  return desiredTenant({
    id: '0b7c',
    slug: 'acme',
    name: 'Acme <Ltda> & Cia',
    quotas: { mailboxBytes: 5 * 1024 ** 3, storageBytes: 50 * 1024 ** 3 },
    domains: ['acme.com.br'],
    members: [
      member('ana@acme.com.br', 'owner'),
      member('bia@acme.com.br', 'owner'),
      member('old@acme.com.br', 'owner', false),
      member('dev@acme.com.br', 'member'),
    ],
    otherSteps: { identity: 'ok', mail: 'ok', files: 'ok' },
    ...overrides,
  })
}

function step(smtpUrl = smtp.smtpUrl) {
  return createOnboardingStep({
    smtpUrl,
    from: 'Dezky <noreply@dezky.test>',
    portalUrl: PORTAL,
    timeoutMs: 2_000,
  })
}

async function run(desired: DesiredTenant, onboarding = step()): Promise<{ outcome: StepOutcome, writes: UpstreamWrite[] }> {
  const { ctx, writes } = recordingContext()
  return { outcome: await onboarding.run(desired, ctx), writes }
}

beforeAll(async () => {
  smtp = await startSmtpTwin()
})
beforeEach(() => {
  smtp.clearMessages()
  smtp.resetWrites()
  smtp.setFailures({})
})
afterAll(() => smtp.stop())

describe('onboarding step', () => {
  it('sends the welcome e-mail once, to the active owners, and records the send', async () => {
    const desired = tenant()
    const { outcome, writes } = await run(desired)
    expect(outcome.status).toBe('ok')
    const [message] = smtp.messages()
    expect(smtp.messages()).toHaveLength(1)
    expect(message!.envelope.to.sort()).toEqual(['ana@acme.com.br', 'bia@acme.com.br'])
    expect(outcome.outputs).toEqual({
      sentAt: expect.any(String),
      messageId: message!.messageId,
      to: ['ana@acme.com.br', 'bia@acme.com.br'],
    })
    expect(writes).toEqual([
      {
        upstream: 'smtp',
        action: 'smtp.onboarding.send',
        targetType: 'smtp.message',
        targetId: message!.messageId,
        changes: [
          {
            field: 'to',
            before: null,
            after: ['ana@acme.com.br', 'bia@acme.com.br'],
          },
          { field: 'subject', before: null, after: message!.subject },
        ],
      },
    ])
    const again = await run({ ...desired, outputs: outcome.outputs! })
    expect(again.outcome.status).toBe('ok')
    expect(again.writes).toEqual([])
    expect(smtp.messages()).toHaveLength(1)
  })

  it('writes one bilingual message, Brazilian Portuguese first, with name, portal and what was set up', async () => {
    await run(tenant())
    const [message] = smtp.messages()
    expect(message!.subject).toBe('Bem-vindo à Dezky, Acme <Ltda> & Cia / Welcome to Dezky, Acme <Ltda> & Cia')
    const text = message!.text!
    expect(text.indexOf('A conta de Acme <Ltda> & Cia na Dezky está pronta')).toBeGreaterThanOrEqual(0)
    expect(text.indexOf('O que configuramos')).toBeLessThan(text.indexOf('What we set up'))
    expect(text).toContain(`Acesse o portal: ${PORTAL}`)
    expect(text).toContain(`Open the portal: ${PORTAL}`)
    expect(text).toContain('E-mail no domínio acme.com.br (5 GB por caixa)')
    expect(text).toContain('A shared file space (50 GB)')
    expect(message!.html).toContain('Acme &lt;Ltda&gt; &amp; Cia')
    expect(message!.html).not.toContain('Acme <Ltda>')
    expect(message!.html).toContain(`<a href="${PORTAL}">`)
  })

  it('waits until identity, mail and files are each ok or skipped', async () => {
    const waiting = await run(tenant({
      otherSteps: { identity: 'ok', mail: 'running', files: 'error' },
    }))
    // Long: the reconciler wakes onboarding whenever another step of the tenant finishes ok.
    expect(waiting.outcome).toEqual({
      status: 'waiting',
      reason: 'waiting for mail, files',
      retryInMs: 30_000,
      waitingFor: ['identity', 'mail', 'files'],
    })
    expect((await run(tenant({
      otherSteps: { identity: 'ok', files: 'ok' },
    }))).outcome.status).toBe('waiting')
    expect(smtp.messages()).toEqual([])
    const sent = await run(tenant({
      domains: [],
      otherSteps: { identity: 'ok', mail: 'skipped', files: 'ok' },
    }))
    expect(sent.outcome.status).toBe('ok')
    expect(smtp.messages()[0]!.text).not.toContain('E-mail no domínio')
  })

  it('still reports the mail as sent when its audit entry cannot be written, so it is not sent again', async () => {
    const desired = tenant()
    const logged: unknown[] = []
    const logger = pino({ level: 'error' }, {
      write: (line: string) => logged.push(JSON.parse(line)),
    })
    const ctx: StepContext = {
      signal: new AbortController().signal,
      recordWrite: async () => {
        throw new Error('database connection lost')
      },
      logger,
    }
    const outcome = await step().run(desired, ctx)
    expect(outcome).toMatchObject({
      status: 'ok',
      outputs: {
        sentAt: expect.any(String),
      },
    })
    expect(smtp.messages()).toHaveLength(1)
    expect(logged).toContainEqual(expect.objectContaining({
      msg: expect.stringContaining('audit'),
      err: expect.objectContaining({ message: 'database connection lost' }),
    }))
    desired.outputs = outcome.outputs!
    await run(desired)
    expect(smtp.messages()).toHaveLength(1)
  })

  it('skips suspended and absent tenants, and tenants without an active owner', async () => {
    expect((await run(tenant({ mode: 'suspended' }))).outcome.status).toBe('skipped')
    expect((await run(tenant({ mode: 'absent' }))).outcome.status).toBe('skipped')
    const ownerless = await run(tenant({
      members: [
        member('dev@acme.com.br', 'member'),
        member('old@acme.com.br', 'owner', false),
      ],
    }))
    expect(ownerless.outcome).toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining('owner'),
    })
    expect(smtp.messages()).toEqual([])
  })

  it('a 451 is retryable and the retry sends exactly once', async () => {
    smtp.setFailures({ rate: 1, code: 451 })
    const error = await upstreamFailure(run(tenant()))
    expect(error.retryable).toBe(true)
    expect(error.details.status).toBe(451)
    smtp.setFailures({})
    await run(tenant())
    expect(smtp.messages()).toHaveLength(1)
    expect(smtp.writes().total).toBe(1)
  })

  it('a 421 is retryable, a 550 is permanent', async () => {
    smtp.setFailures({ rate: 1, code: 421 })
    expect((await upstreamFailure(run(tenant()))).retryable).toBe(true)
    smtp.setFailures({ rate: 1, code: 550 })
    const error = await upstreamFailure(run(tenant()))
    expect(error.retryable).toBe(false)
    expect(error.details.status).toBe(550)
    expect(smtp.messages()).toEqual([])
  })

  it('a refused connection is retryable', async () => {
    const closed = await freePort()
    expect((await upstreamFailure(run(tenant(), step(`smtp://127.0.0.1:${closed}`)))).retryable).toBe(true)
  })
})
