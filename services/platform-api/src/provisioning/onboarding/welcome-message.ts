import type { MailMessage } from '../../outbound-mail/mail-message'
import type { DesiredTenant } from '../step'
import { escapeHtml } from '../../outbound-mail/mail-message'

export type WelcomeMessage = MailMessage

function gigabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 ** 3)} GB`
}

/** What was set up, as one line per service in each language. */
function setUpLines(desired: DesiredTenant): { pt: string[], en: string[] } {
  const pt = ['Acesso com login único (SSO) para a sua equipe']
  const en = ['Single sign-on for your team']
  if (desired.otherSteps.mail === 'ok' && desired.domains[0]) {
    pt.push(`E-mail no domínio ${desired.domains[0]} (${gigabytes(desired.quotas.mailboxBytes)} por caixa)`)
    en.push(`E-mail on ${desired.domains[0]} (${gigabytes(desired.quotas.mailboxBytes)} per mailbox)`)
  }
  if (desired.otherSteps.files === 'ok') {
    pt.push(`Espaço de arquivos compartilhado (${gigabytes(desired.quotas.storageBytes)})`)
    en.push(`A shared file space (${gigabytes(desired.quotas.storageBytes)})`)
  }
  return { pt, en }
}

/**
 * The welcome e-mail: one bilingual message, Brazilian Portuguese first, then English, with the tenant's
 * name, the portal link and what was set up. Plain text plus a simple HTML part in which every value is
 * escaped.
 *
 * @example
 * composeWelcomeMessage(desired, 'https://portal.dezky.com').subject // 'Bem-vindo à Dezky, Acme / Welcome to Dezky, Acme'
 */
export function composeWelcomeMessage(desired: DesiredTenant, portalUrl: string): WelcomeMessage {
  const { pt, en } = setUpLines(desired)
  const subject = `Bem-vindo à Dezky, ${desired.name} / Welcome to Dezky, ${desired.name}`
  const text = [
    `Olá! A conta de ${desired.name} na Dezky está pronta.`,
    '',
    'O que configuramos:',
    ...pt.map(line => `- ${line}`),
    '',
    `Acesse o portal: ${portalUrl}`,
    '',
    '---',
    '',
    `Hello! ${desired.name}'s Dezky account is ready.`,
    '',
    'What we set up:',
    ...en.map(line => `- ${line}`),
    '',
    `Open the portal: ${portalUrl}`,
    '',
  ].join('\n')
  const list = (lines: string[]) => `<ul>${lines.map(line => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`
  const link = `<a href="${escapeHtml(portalUrl)}">${escapeHtml(portalUrl)}</a>`
  const html = `<!doctype html><html><body>
<div lang="pt-BR"><p>Olá! A conta de <strong>${escapeHtml(desired.name)}</strong> na Dezky está pronta.</p>
<p>O que configuramos:</p>${list(pt)}<p>Acesse o portal: ${link}</p></div>
<hr>
<div lang="en"><p>Hello! <strong>${escapeHtml(desired.name)}</strong>'s Dezky account is ready.</p>
<p>What we set up:</p>${list(en)}<p>Open the portal: ${link}</p></div>
</body></html>`
  return { subject, text, html }
}
