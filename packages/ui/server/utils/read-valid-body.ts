import type { H3Event } from 'h3'
import type { z } from 'zod'
import { createError, readBody } from 'h3'

/**
 * The request body checked against its contract, or a 400 shaped like the platform API's own: one
 * `{ path, message }` per issue in `data.errors`, the path as the API writes it (`body.dependencies.0.feature`),
 * so a form can say where each issue is. h3's `readValidatedBody` puts the raw ZodError in `data`, which
 * no form reads, and the operator saw only "not valid".
 *
 * @example
 * const body = await readValidBody(event, ZFlagUpdate)
 */
export async function readValidBody<S extends z.ZodType>(event: H3Event, schema: S): Promise<z.output<S>> {
  // A body that is not JSON is refused by readBody itself, with a 400.
  const parsed = schema.safeParse(await readBody(event))
  if (parsed.success)
    return parsed.data
  throw createError({
    statusCode: 400,
    statusMessage: 'The request was not valid.',
    message: 'The request was not valid.',
    data: {
      errors: parsed.error.issues.map(issue => ({
        path: [
          'body',
          ...issue.path.map(String),
        ].join('.'),
        message: issue.message,
      })),
    },
  })
}
