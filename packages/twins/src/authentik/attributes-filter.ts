import type { FieldErrors } from './api-errors'

/**
 * Authentik's `attributes` filter: a JSON object whose keys are Django lookups into the attributes
 * (`{"dezky__tenant": "acme"}` matches `attributes.dezky.tenant == "acme"`).
 */
export function attributesFilter(value: string | null, errors: FieldErrors): ((attributes: Record<string, unknown>) => boolean) | undefined {
  if (value === null)
    return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  }
  catch {
    errors.non_field_errors = ['filter: failed to parse JSON']
    return undefined
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    errors.non_field_errors = ['filter: value must be key:value mapping']
    return undefined
  }
  const wanted = Object.entries(parsed as Record<string, unknown>)
  return attributes => wanted.every(([path, expected]) => {
    const actual = path.split('__').reduce<unknown>((node, key) => (node && typeof node === 'object')
      ? (node as Record<string, unknown>)[key]
      : undefined, attributes)
    return JSON.stringify(actual) === JSON.stringify(expected)
  })
}
