import type { H3Event } from 'h3'
import type { z } from 'zod'
import { readBody } from 'h3'
import { problemError } from '../internal/problem-error'
import { useRequestId } from '../internal/request-id'

/**
 * The request body checked against its contract, or the 400 the platform API itself would answer (its
 * `validate`: one `{ path, message }` per issue, `body.dependencies.0.feature`), turned into an h3 error by
 * the same `problemError` as the API's own answers, so a form reads both alike. h3's `readValidatedBody`
 * puts the raw ZodError in `data`, which no form reads.
 *
 * @example
 * const body = await readValidBody(event, ZFlagUpdate)
 */
export async function readValidBody<S extends z.ZodType>(event: H3Event, schema: S): Promise<z.output<S>> {
  // A body that is not JSON is refused by readBody itself, with a 400.
  const parsed = schema.safeParse(await readBody(event))
  if (parsed.success)
    return parsed.data
  throw problemError(400, {
    type: 'about:blank',
    title: 'Validation failed',
    status: 400,
    errors: parsed.error.issues.map(issue => ({
      path: [
        'body',
        ...issue.path.map(String),
      ].join('.'),
      message: issue.message,
    })),
  }, useRequestId(event))
}
