import type { z } from 'zod'

// Private to useZodForm (not auto-imported: Nuxt only scans the top level of composables/).

/** A field message as an i18n key and its parameters, translated when shown (so it follows the locale). */
export interface TFieldMessage {
  key: string
  params?: Record<string, unknown>
}

const HEX_COLOUR_SOURCE = '^#[0-9a-f]{6}$'
const FORMAT_KEYS: Record<string, string> = { email: 'form.errors.email', url: 'form.errors.url' }

/** Zod 4 issue → our message key: the contracts' own messages are English and for developers. */
export function messageFor(issue: z.core.$ZodIssue, value: unknown, formatKey?: string): TFieldMessage {
  const empty = value === undefined || value === null || value === ''
  switch (issue.code) {
    case 'invalid_type':
      return {
        key: empty ? 'form.errors.required' : 'form.errors.invalidType',
      }
    case 'too_small':
      if (empty || (issue.origin !== 'number' && Number(issue.minimum) === 1))
        return { key: 'form.errors.required' }
      return {
        key: issue.origin === 'string'
          ? 'form.errors.tooShort'
          : 'form.errors.tooSmall',
        params: {
          minimum: Number(issue.minimum),
        },
      }
    case 'too_big':
      return {
        key: issue.origin === 'string'
          ? 'form.errors.tooLong'
          : 'form.errors.tooBig',
        params: {
          maximum: Number(issue.maximum),
        },
      }
    case 'invalid_format':
      if (empty)
        return { key: 'form.errors.required' }
      if (formatKey)
        return { key: formatKey }
      if (issue.format === 'regex' && 'pattern' in issue && String(issue.pattern).includes(HEX_COLOUR_SOURCE))
        return { key: 'form.errors.color' }
      return { key: FORMAT_KEYS[issue.format] ?? 'form.errors.pattern' }
    case 'invalid_value':
      return { key: 'form.errors.invalidOption' }
    case 'custom':
      // A refinement may name its own message: `.refine(fn, { params: { i18n: 'users.emailTaken' } })`.
      return {
        key: typeof issue.params?.i18n === 'string'
          ? issue.params.i18n
          : 'form.errors.invalid',
      }
    default:
      return { key: 'form.errors.invalid' }
  }
}

/**
 * Field errors from a failed BFF call: the BFF keeps the API's problem `errors` (paths like
 * `body.name`) in the h3 error's `data`, which `$fetch`/`useFetch` expose as `error.data.data.errors`.
 */
export function serverFieldErrors(error: unknown): Array<{ field: string, message: string }> {
  const body = (error as { data?: { data?: { errors?: unknown } } } | null)?.data
  const errors = body?.data?.errors
  if (!Array.isArray(errors))
    return []
  return errors
    .filter((item): item is { path: string, message: string } => typeof item?.path === 'string' && typeof item?.message === 'string')
    .map(item => ({
      field: item.path.replace(/^body\./, ''),
      message: item.message,
    }))
}
