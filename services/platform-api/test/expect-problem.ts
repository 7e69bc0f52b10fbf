import { expect } from 'vitest'

/** Asserts an RFC 9457 answer with this status that leaks no stack trace; returns the problem document. */
export async function expectProblem(response: Response, status: number, match: Record<string, unknown> = {}) {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  const body = await response.json()
  expect(body).toMatchObject({ status, ...match })
  expect(typeof body.title).toBe('string')
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+|node_modules/)
  return body
}

/** The paths a problem's `errors` name, sorted, for comparing with an expected list. */
export function errorPaths(problem: { errors?: { path: string }[] }): string[] {
  return (problem.errors ?? []).map(error => error.path).sort()
}
