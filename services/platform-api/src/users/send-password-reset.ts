import type { TPasswordResetSent } from '@dezky/contracts'
import type { Transporter } from 'nodemailer'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Config } from '../config'
import type { Queryable } from '../db/client'
import type { AuthentikDriver } from '../provisioning/identity/authentik-driver'
import nodemailer from 'nodemailer'
import { conflict, Problem } from '../http/problem'
import { createAuthentikDriver } from '../provisioning/identity/authentik-driver'
import { createRecoveryLink } from '../provisioning/identity/create-recovery-link'
import { smtpUpstreamError } from '../provisioning/onboarding/smtp-upstream-error'
import { UpstreamError } from '../provisioning/upstream-error'
import { getTenant } from '../tenants/get-tenant'
import { claimPasswordReset, releasePasswordReset } from './claim-password-reset'
import { getMember } from './get-member'
import { composePasswordResetMessage } from './password-reset-message'

export interface SendPasswordResetOptions {
  /** The pool: Authentik and the mail server may take seconds, and no connection is held meanwhile. */
  db: Queryable
  /** The short transaction the audit entry is written in once the mail was accepted. */
  transaction: <T>(work: (tx: Queryable) => Promise<T>) => Promise<T>
  principal: Principal
  slug: string
  userId: string
  config: Config
  audit: (entry: AuditInput) => Promise<void>
}

/** Seconds after which asking again makes sense when an upstream failed. */
const RETRY_AFTER_SECONDS = 30

function unavailable(detail: string): Problem {
  return new Problem(503, 'Service unavailable', {
    detail,
    headers: {
      'retry-after': String(RETRY_AFTER_SECONDS),
    },
  })
}

function tooSoon(retryAfterSeconds: number): Problem {
  return new Problem(429, 'Too many requests', {
    detail: 'A password-reset link was mailed to this member less than a minute ago; wait before sending another.',
    headers: {
      'retry-after': String(retryAfterSeconds),
    },
  })
}

/**
 * Why Authentik made no link. Since 2024 it refuses with 400 (`{"non_field_errors": "No recovery flow
 * set."}`, or "Recovery flow not applicable to user") when the brand has no usable recovery flow: an
 * operator must fix that, so no Retry-After. A user missing at lookup is ours to make (provisioning);
 * a 404 from the recovery call itself means the user vanished in between and comes back as retryable.
 */
function linkProblem(error: unknown): Problem {
  if (error instanceof UpstreamError && !error.retryable && error.details.status === 404)
    return new Problem(409, 'Not provisioned yet', { detail: 'This member has no account at the identity provider yet; try again once provisioning is done.' })
  if (error instanceof UpstreamError && !error.retryable && error.details.status === 400) {
    return new Problem(503, 'Password recovery not configured', {
      detail: 'Password recovery is not configured in the identity provider: an operator must set a recovery flow on its brand that applies to this member.',
    })
  }
  return unavailable('The identity provider did not answer as expected; try again shortly.')
}

async function mailRecoveryLink(authentik: AuthentikDriver, mailer: Transporter, config: Config, member: { email: string, name: string }, tenantName: string): Promise<void> {
  let link: string
  try {
    link = await createRecoveryLink(authentik, member.email)
  }
  catch (error) {
    throw linkProblem(error)
  }
  const message = composePasswordResetMessage({ name: member.name, tenantName, link })
  try {
    await mailer.sendMail({
      from: config.MAIL_FROM,
      to: member.email,
      subject: message.subject,
      text: message.text,
      html: message.html,
    })
  }
  catch (error) {
    // The SMTP reply may quote the message; only the classification goes on.
    throw unavailable(`The mail server did not accept the message (${smtpUpstreamError(error, 'sending').retryable
      ? 'temporary failure'
      : 'refused'}); try again shortly.`)
  }
}

const clients = new WeakMap<Config, { authentik?: AuthentikDriver, mailer?: Transporter }>()

function upstreamsFor(config: Config) {
  let entry = clients.get(config)
  if (!entry) {
    entry = {
      authentik: config.AUTHENTIK_URL && config.AUTHENTIK_TOKEN
        ? createAuthentikDriver({ baseUrl: config.AUTHENTIK_URL, apiToken: config.AUTHENTIK_TOKEN, timeoutMs: config.UPSTREAM_TIMEOUT_MS })
        : undefined,
      mailer: config.SMTP_URL
        ? nodemailer.createTransport({
            url: config.SMTP_URL,
            connectionTimeout: config.UPSTREAM_TIMEOUT_MS,
            greetingTimeout: config.UPSTREAM_TIMEOUT_MS,
            socketTimeout: config.UPSTREAM_TIMEOUT_MS,
          })
        : undefined,
    }
    clients.set(config, entry)
  }
  return entry
}

/**
 * Mails a member a one-time link to Authentik's recovery flow. The link goes only into the e-mail:
 * never into the answer, the log or the audit entry. 409 when the member is disabled or has no
 * Authentik user yet; 429 with Retry-After when a link went to them less than a minute ago (across
 * every API process: the slot is a row in Postgres, given back when sending fails); 503 with
 * Retry-After when Authentik or the mail server fails, without when Authentik has no recovery flow.
 * Only the audit entry is written in a transaction, after the mail server accepted the message.
 */
export async function sendPasswordReset({ db, transaction, principal, slug, userId, config, audit }: SendPasswordResetOptions): Promise<TPasswordResetSent> {
  const tenant = await getTenant({
    db,
    principal,
    slug,
    capability: 'member:write',
  })
  const member = await getMember(db, tenant.id, userId)
  if (!member.active || !member.membershipActive)
    throw conflict('This member is disabled; enable them before sending a password-reset link.')
  const { authentik, mailer } = upstreamsFor(config)
  if (!authentik || !mailer)
    throw unavailable('Password resets need the identity provider and the mail server, and one of them is not configured.')

  const claim = await claimPasswordReset(db, member.id)
  if (!claim.claimed)
    throw tooSoon(claim.retryAfterSeconds)
  try {
    await mailRecoveryLink(authentik, mailer, config, member, tenant.name)
  }
  catch (error) {
    await releasePasswordReset(db, member.id, claim.sentAt)
    throw error
  }

  await transaction(() => audit({
    action: 'member.password_reset',
    targetType: 'user',
    targetId: member.id,
    tenantSlug: tenant.slug,
    changes: [
      { field: 'passwordResetSentTo', before: null, after: member.email },
    ],
  }))
  return { sentTo: member.email, expiresAt: null }
}
