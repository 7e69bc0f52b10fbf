import type { TProblem } from '@dezky/contracts'

export interface ProblemOptions {
  detail?: string
  errors?: TProblem['errors']
  headers?: Record<string, string>
  /** A short URI reference naming the problem type; defaults to the status' generic type. */
  type?: string
}

/**
 * The one error every layer throws for an expected failure; rendered as RFC 9457 problem+json.
 *
 * @example
 * throw new Problem(404, 'Tenant not found', { detail: `No tenant "${slug}" is visible to you.` })
 */
export class Problem extends Error {
  override name = 'Problem'
  constructor(readonly status: number, readonly title: string, readonly options: ProblemOptions = {}) {
    super(options.detail ?? title)
  }
}

export const notFound = (what: string, detail?: string) => new Problem(404, `${what} not found`, { detail })
export const forbidden = (detail: string) => new Problem(403, 'Forbidden', { detail })
export const conflict = (detail: string) => new Problem(409, 'Conflict', { detail })
export const badRequest = (title: string, options?: ProblemOptions) => new Problem(400, title, options)

/** Renders a problem; `requestId` ties the answer to the log line an operator will search for. */
export function problemResponse(problem: Problem, requestId?: string): Response {
  const body: TProblem = {
    type: problem.options.type ?? `https://dezky.dev/problems/${problem.status}`,
    title: problem.title,
    status: problem.status,
    ...(problem.options.detail
      ? { detail: problem.options.detail }
      : {}),
    ...(problem.options.errors
      ? { errors: problem.options.errors }
      : {}),
    ...(requestId
      ? { requestId }
      : {}),
  }
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...problem.options.headers },
  })
}
