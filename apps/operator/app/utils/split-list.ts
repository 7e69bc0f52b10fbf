/**
 * A comma-separated field as a list: trimmed, empty entries and repeats dropped (tags, constraint
 * values, user ids, IP ranges are typed this way).
 *
 * @example
 * splitList(' billing, beta,,billing ') // ['billing', 'beta']
 */
export function splitList(text: string): string[] {
  return [
    ...new Set(text.split(',').map(part => part.trim()).filter(Boolean)),
  ]
}
