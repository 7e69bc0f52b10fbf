import { z } from 'zod'

/**
 * The SMTP side's run-time failure switch: a `rate` of messages is refused at DATA with `code` — 451
 * (temporary local error) or 421 (service closing) for retry tests, 550 (permanent) for the rest.
 */
export const ZSmtpFailures = z.strictObject({
  rate: z.number().min(0).max(1).default(0),
  code: z.union([
    z.literal(421),
    z.literal(451),
    z.literal(550),
  ]).default(451),
})
export type SmtpFailures = z.infer<typeof ZSmtpFailures>
export type SmtpFailuresInput = z.input<typeof ZSmtpFailures>

const TEXT: Record<SmtpFailures['code'], string> = {
  421: 'Service not available, closing transmission channel (injected)',
  451: 'Requested action aborted: local error in processing (injected)',
  550: 'Requested action not taken: mailbox unavailable (injected)',
}

/** The error smtp-server turns into the SMTP reply, or undefined to accept the message. */
export function drawSmtpFailure(failures: SmtpFailures, random: () => number = Math.random): (Error & { responseCode: number }) | undefined {
  if (failures.rate === 0 || random() >= failures.rate)
    return undefined
  return Object.assign(new Error(TEXT[failures.code]), { responseCode: failures.code })
}
