import type { z } from 'zod'
import { Problem } from './problem'

/**
 * Validates one part of a request; a failure lists every offending field so a form can show them all.
 *
 * @example
 * const body = validate(ZCreateTenant, raw, 'body')
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, part: 'body' | 'query' | 'params'): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success)
    return result.data
  throw new Problem(part === 'params'
    ? 404
    : 400, part === 'params'
    ? 'Not found'
    : 'Validation failed', {
    detail: part === 'params'
      ? 'No resource has this address.'
      : `The request ${part} is invalid.`,
    errors: result.error.issues.map(issue => ({
      path: [
        part,
        ...issue.path.map(String),
      ].join('.'),
      message: issue.message,
    })),
  })
}
