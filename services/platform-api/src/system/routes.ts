import { z } from 'zod'
import { defineRoute } from '../http/define-route'
import { buildOpenApiDocument } from '../openapi/build-document'
import { checkReady } from './check-ready'
import { referencePage, scalarScript } from './reference-page'

let openApiDocument: unknown

export const systemRoutes = [
  defineRoute({
    method: 'GET',
    path: '/health',
    operationId: 'health',
    summary: 'Liveness: the process answers',
    tag: 'System',
    auth: false,
    access: { scope: 'public' },
    response: {
      status: 200,
      schema: z.object({
        status: z.literal('ok'),
      }),
    },
    handler: async () => ({ status: 'ok' as const }),
  }),
  defineRoute({
    method: 'GET',
    path: '/ready',
    operationId: 'ready',
    summary: 'Readiness: the database answers (503 otherwise)',
    tag: 'System',
    auth: false,
    access: { scope: 'public' },
    response: {
      status: 200,
      schema: z.object({
        status: z.literal('ready'),
        checks: z.object({
          database: z.literal('ok'),
        }),
      }),
    },
    handler: ({ deps }) => checkReady(deps.db),
  }),
  defineRoute({
    method: 'GET',
    path: '/metrics',
    operationId: 'metrics',
    summary: 'Prometheus metrics',
    tag: 'System',
    auth: false,
    access: { scope: 'public' },
    response: { status: 200, description: 'Prometheus text exposition format', contentType: 'text/plain' },
    handler: async ({ deps }) => new Response(await deps.metrics.registry.metrics(), {
      headers: { 'content-type': deps.metrics.registry.contentType },
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/openapi.json',
    operationId: 'openapi',
    summary: 'This API\'s OpenAPI 3.1 document',
    tag: 'System',
    auth: false,
    access: { scope: 'public' },
    response: { status: 200, description: 'OpenAPI document' },
    handler: async ({ deps }) => {
      // Imported lazily: the route table includes this route.
      const { ROUTES } = await import('../routes')
      openApiDocument ??= buildOpenApiDocument(ROUTES, deps.config.PUBLIC_URL)
      return openApiDocument
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/docs',
    operationId: 'reference',
    summary: 'API reference (Scalar)',
    tag: 'System',
    auth: false,
    access: { scope: 'public' },
    response: { status: 200, description: 'HTML page', contentType: 'text/html' },
    handler: async () => referencePage(),
  }),
  defineRoute({
    method: 'GET',
    path: '/docs/scalar.js',
    operationId: 'referenceScript',
    summary: 'Script of the API reference page',
    tag: 'System',
    auth: false,
    access: { scope: 'public' },
    response: { status: 200, description: 'JavaScript', contentType: 'text/javascript' },
    handler: () => scalarScript(),
  }),
]
