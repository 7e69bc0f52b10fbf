import type { IssueAccessTokenInput } from '@dezky/twins'
import { once } from 'node:events'
import { Worker } from 'node:worker_threads'

export interface BenchIdp {
  issuer: string
  audience: string
  jwksUri: string
  issueAccessToken: (input: IssueAccessTokenInput) => Promise<string>
  stop: () => Promise<void>
}

export type IdpRequest = { type: 'issue', id: number, input: IssueAccessTokenInput } | { type: 'stop' }
export type IdpResponse
  = | { type: 'ready', issuer: string, audience: string, jwksUri: string }
    | { type: 'issued', id: number, token: string }
    | { type: 'failed', id: number, message: string }

/**
 * Starts the IdP twin in a worker thread. In the API's own thread, oidc-provider's AsyncLocalStorage would
 * switch on Node 22's promise hooks for every promise the API makes, a cost production (where the IdP
 * is another process) never pays and that would land on the candidate far more than on the baselines.
 */
export async function startIdpThread(): Promise<BenchIdp> {
  const worker = new Worker(new URL('./idp-worker.ts', import.meta.url))
  const [ready] = await once(worker, 'message') as [IdpResponse]
  if (ready.type !== 'ready') {
    await worker.terminate()
    throw new Error(`IdP worker answered ${ready.type} before it was ready`)
  }
  const pending = new Map<number, { resolve: (token: string) => void, reject: (error: Error) => void }>()
  worker.on('message', (message: IdpResponse) => {
    if (message.type === 'ready')
      return
    const waiter = pending.get(message.id)
    pending.delete(message.id)
    if (message.type === 'issued')
      waiter?.resolve(message.token)
    else
      waiter?.reject(new Error(`IdP twin: ${message.message}`))
  })
  let ids = 0
  return {
    issuer: ready.issuer,
    audience: ready.audience,
    jwksUri: ready.jwksUri,
    issueAccessToken: input => new Promise((resolve, reject) => {
      const id = ++ids
      pending.set(id, { resolve, reject })
      worker.postMessage({ type: 'issue', id, input } satisfies IdpRequest)
    }),
    stop: async () => {
      const exited = once(worker, 'exit')
      worker.postMessage({ type: 'stop' } satisfies IdpRequest)
      await Promise.race([
        exited,
        new Promise(resolve => setTimeout(resolve, 5_000).unref()),
      ])
      await worker.terminate()
    },
  }
}
