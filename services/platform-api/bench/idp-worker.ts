import type { IdpRequest, IdpResponse } from './idp-thread'
import { parentPort } from 'node:worker_threads'
import { startIdp } from '@dezky/twins'

/** The IdP twin on its own thread; see idp-thread.ts for why. */
async function serveIdp(port: NonNullable<typeof parentPort>): Promise<void> {
  const idp = await startIdp({ port: 0, accessTokenTtlSeconds: 900 })
  const reply = (message: IdpResponse) => port.postMessage(message)
  port.on('message', async (request: IdpRequest) => {
    if (request.type === 'stop') {
      await idp.stop()
      port.close()
      return
    }
    try {
      reply({ type: 'issued', id: request.id, token: await idp.issueAccessToken(request.input) })
    }
    catch (error) {
      reply({ type: 'failed', id: request.id, message: (error as Error).message })
    }
  })
  reply({
    type: 'ready',
    issuer: idp.issuer,
    audience: idp.audience,
    jwksUri: idp.jwksUri,
  })
}

// A failed start rejects unhandled, which ends the worker with an 'error' event that idp-thread.ts awaits.
void serveIdp(parentPort!)
