import type { AddressObject, ParsedMail } from 'mailparser'

/** One message the twin accepted, parsed. */
export interface CapturedMessage {
  id: number
  envelope: { from: string | undefined, to: string[] }
  from: string | undefined
  to: string[]
  subject: string | undefined
  text: string | undefined
  html: string | undefined
  messageId: string | undefined
  headers: Record<string, string>
  /** Bytes of the raw message as received. */
  size: number
  receivedAt: string
  /** The AUTH user, when the client authenticated. */
  user: string | undefined
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value)
    ? value
    : value
      ? [value]
      : []
  return list.flatMap(object => object.value.map(address => address.address ?? '')).filter(Boolean)
}

function headerText(value: unknown): string {
  if (typeof value === 'string')
    return value
  if (value instanceof Date)
    return value.toISOString()
  if (value && typeof value === 'object' && 'text' in value)
    return String((value as { text: unknown }).text)
  return JSON.stringify(value)
}

export function toCapturedMessage(input: {
  id: number
  parsed: ParsedMail
  envelope: { from: string | undefined, to: string[] }
  size: number
  user: string | undefined
}): CapturedMessage {
  const { parsed } = input
  return {
    id: input.id,
    envelope: input.envelope,
    from: parsed.from?.value[0]?.address,
    to: addresses(parsed.to),
    subject: parsed.subject,
    text: parsed.text,
    html: parsed.html === false
      ? undefined
      : parsed.html,
    messageId: parsed.messageId,
    headers: Object.fromEntries([...parsed.headers].map(([key, value]) => [
      key,
      headerText(value),
    ])),
    size: input.size,
    receivedAt: new Date().toISOString(),
    user: input.user,
  }
}
