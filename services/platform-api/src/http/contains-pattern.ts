/** Escapes `%`, `_` and `\` so a user's text is matched literally by LIKE / ILIKE. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, c => `\\${c}`)
}

/**
 * An ILIKE pattern matching `q` anywhere in the column.
 *
 * @example
 * containsPattern('50%_off') // '%50\\%\\_off%'
 */
export function containsPattern(q: string | undefined): string | undefined {
  return q === undefined
    ? undefined
    : `%${escapeLike(q)}%`
}
