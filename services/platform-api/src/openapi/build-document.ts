import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi'
import type { AnyRoute } from '../http/define-route'
import { ZProblem } from '@dezky/contracts'
import { createDocument } from 'zod-openapi'

const problemContent = {
  'application/problem+json': { schema: ZProblem },
}

/** The OpenAPI 3.1 document, generated from the route table's zod schemas (never written by hand). */
export function buildOpenApiDocument(routes: readonly AnyRoute[], serverUrl?: string) {
  const paths: ZodOpenApiPathsObject = {}
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}')
    const operation: ZodOpenApiOperationObject = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      ...(route.auth
        ? {
            security: [
              { bearer: [] },
            ],
          }
        : { security: [] }),
      requestParams: {
        ...(route.params
          ? { path: route.params }
          : {}),
        ...(route.query
          ? { query: route.query }
          : {}),
      },
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: route.body },
              },
            },
          }
        : {}),
      responses: {
        [route.response.status]: {
          description: route.response.description ?? 'Success',
          ...(route.response.schema
            ? {
                content: {
                  [route.response.contentType ?? 'application/json']: { schema: route.response.schema },
                },
              }
            : {}),
        },
        ...(route.params || route.query || route.body
          ? {
              400: { description: 'Invalid input', content: problemContent },
            }
          : {}),
        ...(route.auth
          ? {
              401: { description: 'Missing or invalid token', content: problemContent },
              403: { description: 'Role not allowed', content: problemContent },
            }
          : {}),
        ...(route.params
          ? {
              404: { description: 'Not found or not visible to the caller', content: problemContent },
            }
          : {}),
        503: { description: 'A dependency is unavailable', content: problemContent },
      },
    }
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation }
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Dezky platform API',
      version: '0.1.0',
      description: 'Tenants, users, partners, subscriptions and the audit log of a Dezky workspace. Errors are RFC 9457 problem+json.',
    },
    ...(serverUrl
      ? {
          servers: [
            { url: serverUrl },
          ],
        }
      : {}),
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      },
    },
    paths,
  })
}
