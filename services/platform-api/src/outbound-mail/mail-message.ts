/** An e-mail the platform composes itself (welcome, password reset): plain text plus simple HTML. */
export interface MailMessage {
  subject: string
  text: string
  html: string
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\'': '&#39;',
}

/**
 * Escapes a value for the HTML part of a message: names and tenant names come from people.
 *
 * @example
 * escapeHtml('Tom & <Jerry>') // 'Tom &amp; &lt;Jerry&gt;'
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, character => ENTITIES[character]!)
}
