export type SeedOutcome = 'created' | 'existing'

export interface PostIdempotentOptions {
  apiUrl: string
  token: string
  path: string
  body: unknown
}

/**
 * POSTs one resource. A 409 means an earlier run already made it, which is all a seed needs, so seeding
 * can run on every start. Any other failure throws with the API's problem detail.
 */
export async function postIdempotent({ apiUrl, token, path, body }: PostIdempotentOptions): Promise<SeedOutcome> {
  const response = await fetch(new URL(path, `${apiUrl}/`), {
    method: 'POST',
    headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (response.ok) {
    await response.body?.cancel()
    return 'created'
  }
  if (response.status === 409) {
    await response.body?.cancel()
    return 'existing'
  }
  const problem = await response.text()
  throw new Error(`POST ${path} answered ${response.status}: ${problem.slice(0, 500)}`)
}
