import { ZFlagEnvironmentKey, ZOfrepBulkEvaluationSuccess, ZOfrepEvaluationSuccess, ZSlug, ZTenantFlags } from '@dezky/contracts'
import { z } from 'zod'
import { can } from '../auth/capabilities'
import { defineRoute } from '../http/define-route'
import { forbidden } from '../http/problem'
import { streamOperatorEvents } from '../operator-events/stream-operator-events'
import { getTenant } from '../tenants/get-tenant'
import { evaluateFlagsBulk, evaluateOneFlag } from './evaluate-flags'
import { explainTenantFlags } from './explain-tenant-flags'

export const flagEvaluationRoutes = [
  defineRoute({
    method: 'POST',
    path: '/ofrep/v1/evaluate/flags',
    operationId: 'ofrepEvaluateFlags',
    summary: 'OFREP bulk evaluation: every flag for the caller (partner, tenant and user from the token; other attributes from `context`), with an ETag (If-None-Match → 304)',
    tag: 'Feature flags',
    auth: true,
    access: { scope: 'self' },
    readOnly: true,
    example: {
      body: {
        context: { tenant: 'acme', appName: 'portal' },
      },
    },
    response: { status: 200, schema: ZOfrepBulkEvaluationSuccess, description: 'OFREP bulkEvaluationSuccess; 400 is OFREP bulkEvaluationFailure (`errorCode` PARSE_ERROR or INVALID_CONTEXT), 403 a problem (a tenant the caller may not read)' },
    handler: ({ event, deps, principal }) => evaluateFlagsBulk({
      event,
      runtime: deps.flags,
      principal,
      bodyLimit: deps.config.BODY_LIMIT_BYTES,
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/ofrep/v1/evaluate/flags/:key',
    operationId: 'ofrepEvaluateFlag',
    summary: 'OFREP evaluation of one flag for the caller',
    tag: 'Feature flags',
    auth: true,
    access: { scope: 'self' },
    readOnly: true,
    params: z.object({
      key: z.string().min(1).max(200),
    }),
    example: {
      body: {
        context: { tenant: 'acme' },
      },
    },
    response: { status: 200, schema: ZOfrepEvaluationSuccess, description: 'OFREP evaluationSuccess; 404 `FLAG_NOT_FOUND` and 400 in OFREP\'s evaluationFailure shape' },
    handler: ({ event, deps, principal, params }) => evaluateOneFlag({
      event,
      runtime: deps.flags,
      principal,
      bodyLimit: deps.config.BODY_LIMIT_BYTES,
      key: params.key,
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/flags/events',
    operationId: 'streamFlagEvents',
    summary: 'Server-sent events: `flags.changed` whenever any flag changes, so clients re-evaluate (the stream ends after SSE_MAX_SECONDS; EventSource reconnects)',
    tag: 'Feature flags',
    auth: true,
    access: { scope: 'self' },
    response: { status: 200, description: '`event: flags.changed` (ZFlagsChangedEvent) messages', contentType: 'text/event-stream' },
    handler: async ({ deps, event }) => streamOperatorEvents({
      events: {
        subscribe: listener => deps.flags.cache.subscribe(data => listener({ type: 'flags.changed', data })),
      },
      signal: event.req.signal,
      maxMs: deps.config.SSE_MAX_SECONDS * 1000,
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/tenants/:slug/flags',
    operationId: 'explainTenantFlags',
    summary: 'Every flag as the tenant sees it in an environment, and why (operators)',
    tag: 'Feature flags',
    auth: true,
    access: { scope: 'tenant', capability: 'flag:read' },
    params: z.object({ slug: ZSlug }),
    query: z.object({
      environment: ZFlagEnvironmentKey.optional(),
    }).strict(),
    response: { status: 200, schema: ZTenantFlags },
    handler: async ({ db, deps, principal, params, query }) => {
      const tenant = await getTenant({ db, principal, slug: params.slug })
      if (!can(principal, 'flag:read'))
        throw forbidden('A tenant\'s flags are for the provider\'s operators.')
      return explainTenantFlags(deps.db, { slug: tenant.slug, plan: tenant.plan, partnerSlug: tenant.partnerSlug }, query.environment ?? deps.flags.environment)
    },
  }),
]
