/** The root of an OData `$filter` as OCIS's godata parser sees it, reduced to what the twin needs. */
export interface ODataFilterRoot {
  /** The root operator: `eq`, `ne`, … or a logical `and` / `or` / `not`. */
  operator: string
  /** For a comparison: the property and the unquoted value. */
  property?: string
  value?: string
}

export class ODataFilterError extends Error {}

const COMPARISONS = new Set([
  'eq',
  'ne',
  'gt',
  'ge',
  'lt',
  'le',
  'has',
  'in',
])
const LOGICAL = new Set(['and', 'or'])

function tokenize(text: string): string[] {
  const tokens: string[] = []
  const pattern = /\s*('(?:[^']|'')*'|[()]|[^\s()]+)/gy
  let match: RegExpExecArray | null
  let consumed = 0
  // eslint-disable-next-line no-cond-assign
  while ((match = pattern.exec(text)) !== null) {
    tokens.push(match[1]!)
    consumed = pattern.lastIndex
  }
  if (text.slice(consumed).trim())
    throw new ODataFilterError(`unexpected input at ${consumed}`)
  return tokens
}

function literal(token: string | undefined): string {
  if (token === undefined)
    throw new ODataFilterError('missing operand')
  if (token.startsWith('\'')) {
    if (token.length < 2 || !token.endsWith('\''))
      throw new ODataFilterError(`unterminated string ${token}`)
    return token.slice(1, -1).replaceAll('\'\'', '\'')
  }
  if (/^(?:-?\d+(?:\.\d+)?|true|false|null|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})$/i.test(token))
    return token
  throw new ODataFilterError(`invalid literal ${token}`)
}

/**
 * Parses a `$filter` far enough to tell what OCIS does with it: a parse error is a 400, and the caller
 * decides which root operators it supports (drives: only `eq`; anything else is a 501 there).
 */
export function parseODataFilter(text: string): ODataFilterRoot {
  const tokens = tokenize(text)
  if (tokens.length === 0)
    throw new ODataFilterError('empty filter')
  const depth0 = tokens.findIndex(token => LOGICAL.has(token))
  if (depth0 > 0) {
    // Both sides must still parse; the root is the logical operator.
    parseODataFilter(tokens.slice(0, depth0).join(' '))
    parseODataFilter(tokens.slice(depth0 + 1).join(' '))
    return { operator: tokens[depth0]! }
  }
  if (tokens[0] === 'not') {
    parseODataFilter(tokens.slice(1).join(' '))
    return { operator: 'not' }
  }
  if (tokens.length !== 3)
    throw new ODataFilterError(`cannot parse "${text}"`)
  const [property, operator, value] = tokens as [string, string, string]
  if (!/^[A-Z_][\w/@.]*$/i.test(property))
    throw new ODataFilterError(`invalid property ${property}`)
  if (!COMPARISONS.has(operator))
    throw new ODataFilterError(`unknown operator ${operator}`)
  return {
    operator,
    property,
    value: literal(value),
  }
}
