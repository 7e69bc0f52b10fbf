import { can } from '../auth/capabilities'
import { defineRoute } from '../http/define-route'
import { forbidden } from '../http/problem'
import { streamOperatorEvents } from './stream-operator-events'

export const operatorEventRoutes = [
  defineRoute({
    method: 'GET',
    path: '/operator/events',
    operationId: 'streamOperatorEvents',
    summary: 'Server-sent events for operators: `probe.changed` and `provisioning.failed` as they happen (the stream ends after SSE_MAX_SECONDS; EventSource reconnects)',
    tag: 'System',
    auth: true,
    access: { scope: 'global', capability: 'system:read' },
    response: { status: 200, description: '`event: probe.changed` (ZProbeChangedEvent) and `event: provisioning.failed` (ZProvisioningFailedEvent) messages', contentType: 'text/event-stream' },
    handler: async ({ deps, principal, event }) => {
      if (!can(principal, 'system:read'))
        throw forbidden('The operators\' event stream is for the provider\'s operators.')
      return streamOperatorEvents({
        events: deps.operatorEvents,
        signal: event.req.signal,
        maxMs: deps.config.SSE_MAX_SECONDS * 1000,
      })
    },
  }),
]
