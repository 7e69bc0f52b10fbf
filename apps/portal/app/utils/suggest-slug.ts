const MAX_SLUG = 40
const MIN_SLUG = 2

/**
 * A slug (lowercase letters, digits and inner dashes, 2–40 characters) suggested from a company name:
 * accents dropped, everything else between words becomes one dash. Empty when the name has too few
 * letters or digits to make one.
 *
 * @example
 * suggestSlug('Padaria São João Ltda.') // 'padaria-sao-joao-ltda'
 */
export function suggestSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '')
  return slug.length >= MIN_SLUG
    ? slug
    : ''
}
