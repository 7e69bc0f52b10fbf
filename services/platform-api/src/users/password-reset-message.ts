import type { MailMessage } from '../outbound-mail/mail-message'
import { escapeHtml } from '../outbound-mail/mail-message'

export type PasswordResetMessage = MailMessage

/**
 * The password-reset e-mail: one bilingual message, Brazilian Portuguese first, then English, like the
 * welcome e-mail. Plain text plus simple HTML in which every value is escaped.
 *
 * @example
 * composePasswordResetMessage({ name: 'Ana', tenantName: 'Acme', link }).subject
 * // 'Redefina sua senha da Acme / Reset your Acme password'
 */
export function composePasswordResetMessage(input: { name: string, tenantName: string, link: string }): PasswordResetMessage {
  const { name, tenantName, link } = input
  const subject = `Redefina sua senha da ${tenantName} / Reset your ${tenantName} password`
  const text = [
    `Olá, ${name}!`,
    '',
    `Um administrador de ${tenantName} pediu um link para você criar uma nova senha.`,
    `Abra este link para definir a nova senha (ele vale por pouco tempo e só pode ser usado uma vez):`,
    link,
    '',
    'Se você não esperava este e-mail, pode ignorá-lo: sua senha atual continua valendo.',
    '',
    '---',
    '',
    `Hello ${name},`,
    '',
    `An administrator of ${tenantName} asked for a link so you can choose a new password.`,
    'Open this link to set it (it works for a short time and only once):',
    link,
    '',
    'If you did not expect this e-mail, you can ignore it: your current password still works.',
    '',
  ].join('\n')
  const anchor = `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`
  const html = `<!doctype html><html><body>
<div lang="pt-BR"><p>Olá, ${escapeHtml(name)}!</p>
<p>Um administrador de <strong>${escapeHtml(tenantName)}</strong> pediu um link para você criar uma nova senha.</p>
<p>Abra este link para definir a nova senha (ele vale por pouco tempo e só pode ser usado uma vez):<br>${anchor}</p>
<p>Se você não esperava este e-mail, pode ignorá-lo: sua senha atual continua valendo.</p></div>
<hr>
<div lang="en"><p>Hello ${escapeHtml(name)},</p>
<p>An administrator of <strong>${escapeHtml(tenantName)}</strong> asked for a link so you can choose a new password.</p>
<p>Open this link to set it (it works for a short time and only once):<br>${anchor}</p>
<p>If you did not expect this e-mail, you can ignore it: your current password still works.</p></div>
</body></html>`
  return { subject, text, html }
}
