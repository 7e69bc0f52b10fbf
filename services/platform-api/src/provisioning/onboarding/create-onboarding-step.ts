import type { Transporter } from 'nodemailer'
import type { DesiredTenant, ProvisioningStep, StepName } from '../step'
import nodemailer from 'nodemailer'
import { smtpUpstreamError } from './smtp-upstream-error'
import { composeWelcomeMessage } from './welcome-message'

export interface OnboardingStepOptions {
  /** e.g. `smtp://user:pass@mail.example.com:587` or `smtps://…:465`. */
  smtpUrl: string
  /** The sender, e.g. `Dezky <noreply@dezky.com>`. */
  from: string
  /** The customer portal, linked from the e-mail. */
  portalUrl: string
  /** Connection, greeting and socket timeout of each send. */
  timeoutMs: number
  /** A transport of the caller's (tests); otherwise nodemailer's SMTP transport from `smtpUrl`. */
  transport?: Transporter
}

/**
 * How long to wait for the other steps before looking again. Long, because the reconciler wakes a
 * tenant's waiting steps whenever another of its steps finishes ok: this is only the fallback.
 */
const WAIT_FOR_STEPS_MS = 30_000

/** The steps the welcome e-mail describes: it goes out only once each is done or not needed. */
const AWAITED: StepName[] = ['identity', 'mail', 'files']

function unfinished(desired: DesiredTenant): StepName[] {
  return AWAITED.filter(step => desired.otherSteps[step] !== 'ok' && desired.otherSteps[step] !== 'skipped')
}

/**
 * The onboarding step: sends the welcome e-mail once to the tenant's active owners, after identity, mail
 * and files are done. `outputs.sentAt` marks it sent; a set `sentAt` makes every later run a no-op. Once
 * the mail is accepted the run reports `ok` with `sentAt` even if its audit entry cannot be written (that
 * failure is logged), so a database hiccup never sends it twice. Sending is at-least-once only when the
 * worker dies or loses its lease between the send and storing the outcome: the next run sends again,
 * with the same Message-ID (derived from the tenant), so the copy is recognisable.
 */
export function createOnboardingStep(options: OnboardingStepOptions): ProvisioningStep {
  const transport = options.transport ?? nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  })
  const fromDomain = options.from.match(/@([^>\s]+)/)?.[1] ?? 'dezky.invalid'
  return {
    name: 'onboarding',
    async run(desired, ctx) {
      if (desired.mode !== 'present')
        return { status: 'skipped', reason: `tenant is ${desired.mode}`, outputs: desired.outputs }
      if (desired.outputs.sentAt)
        return { status: 'ok', observed: desired.observed, outputs: desired.outputs }
      const waitingFor = unfinished(desired)
      if (waitingFor.length > 0) {
        return {
          status: 'waiting',
          reason: `waiting for ${waitingFor.join(', ')}`,
          retryInMs: WAIT_FOR_STEPS_MS,
          waitingFor: ['identity', 'mail', 'files'],
        }
      }
      const to = desired.members.filter(member => member.active && member.role === 'owner').map(member => member.email)
      if (to.length === 0)
        return { status: 'skipped', reason: 'the tenant has no active owner to welcome' }
      ctx.signal.throwIfAborted()
      const message = composeWelcomeMessage(desired, options.portalUrl)
      let messageId: string
      try {
        const info = await transport.sendMail({
          from: options.from,
          to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: `<onboarding.${desired.id}@${fromDomain}>`,
        })
        messageId = info.messageId
      }
      catch (error) {
        throw smtpUpstreamError(error, `sending the welcome e-mail to ${to.join(', ')}`)
      }
      const sentAt = new Date().toISOString()
      try {
        await ctx.recordWrite({
          upstream: 'smtp',
          action: 'smtp.onboarding.send',
          targetType: 'smtp.message',
          targetId: messageId,
          changes: [
            { field: 'to', before: null, after: to },
            { field: 'subject', before: null, after: message.subject },
          ],
        })
      }
      catch (error) {
        // The mail is out: failing now would make the retry send it again. Losing the audit entry is the
        // smaller harm, and the log keeps the fact.
        ctx.logger.error({ err: error, messageId, to, sentAt }, 'onboarding: the welcome e-mail was sent but its audit entry could not be written')
      }
      return {
        status: 'ok',
        observed: {},
        outputs: { sentAt, messageId, to },
      }
    },
  }
}
