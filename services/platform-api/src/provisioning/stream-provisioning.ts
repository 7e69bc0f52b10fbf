import type { Principal } from '../auth/principal'
import type { Database } from '../db/client'
import type { ProvisioningEvents } from './provisioning-events'
import { eq } from 'drizzle-orm'
import { tenants } from '../db/schema'
import { getTenant } from '../tenants/get-tenant'
import { readProvisioning } from './get-provisioning'

export interface StreamProvisioningOptions {
  db: Database
  principal: Principal
  slug: string
  events: ProvisioningEvents
  /** The request's signal: the stream ends when the client goes away. */
  signal: AbortSignal
  /** The stream closes after this long; EventSource reconnects, and the token is checked again. */
  maxMs?: number
  heartbeatMs?: number
}

const encoder = new TextEncoder()

/**
 * Server-sent events with a tenant's provisioning view: one `provisioning` event at once, then one
 * after each change (changes within 100 ms are sent as one). A bounded lifetime means a token that
 * expired or lost the tenant stops receiving data at the next reconnect.
 */
export async function streamProvisioning(options: StreamProvisioningOptions): Promise<Response> {
  const { db, events } = options
  const tenant = await getTenant({ db, principal: options.principal, slug: options.slug })
  let sequence = 0
  let cleanup = () => {}
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let timer: NodeJS.Timeout | undefined
      let done = false
      const write = (text: string) => {
        if (!done)
          controller.enqueue(encoder.encode(text))
      }
      const send = async () => {
        timer = undefined
        try {
          const [current] = await db.select({ status: tenants.status }).from(tenants).where(eq(tenants.id, tenant.id))
          if (!current)
            return finish()
          const view = await readProvisioning(db, { ...tenant, status: current.status }, options.principal)
          write(`event: provisioning\nid: ${++sequence}\ndata: ${JSON.stringify(view)}\n\n`)
        }
        catch {
          write(`event: error\ndata: {"detail":"The provisioning state could not be read; retrying."}\n\n`)
        }
      }
      const schedule = () => {
        timer ??= setTimeout(() => void send(), 100)
      }
      const unsubscribe = events.subscribe(tenant.id, schedule)
      const heartbeat = setInterval(write, options.heartbeatMs ?? 15_000, ': keep-alive\n\n')
      const lifetime = setTimeout(finish, options.maxMs ?? 300_000)
      function finish() {
        if (done)
          return
        done = true
        unsubscribe()
        clearInterval(heartbeat)
        clearTimeout(lifetime)
        clearTimeout(timer)
        try {
          controller.close()
        }
        catch {}
      }
      cleanup = finish
      options.signal.addEventListener('abort', finish, { once: true })
      write('retry: 3000\n\n')
      void send()
    },
    cancel() {
      cleanup()
    },
  })
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  })
}
