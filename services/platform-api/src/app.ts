import type { H3Event } from 'h3'
import type { AppDeps } from './deps'
import type { AnyRoute } from './http/define-route'
import { H3 } from 'h3'
import { Problem, problemResponse } from './http/problem'
import { requestIdOf, resolveClientIp } from './http/request-meta'
import { runRoute } from './http/run-route'
import { toProblem } from './http/to-problem'
import { ROUTES } from './routes'

/** Headers on every answer: the API serves JSON to BFFs and scripts, never pages to frame or sniff. */
const BASE_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
}

/**
 * Builds the API as an h3 app. No port: tests call `app.fetch(new Request(...))`; main.ts serves it.
 */
export function createApp(deps: AppDeps, routes: readonly AnyRoute[] = ROUTES): H3 {
  const app = new H3({
    onRequest: (event) => {
      event.context.startedAt = performance.now()
      event.context.clientIp = resolveClientIp(event, deps.config.TRUST_PROXY_HOPS)
    },
    onError: (error, event) => finish(event, deps, errorResponse(error, event, deps), undefined),
  })
  for (const route of routes) {
    app.on(route.method, route.path, async (event) => {
      let response: Response
      try {
        response = await runRoute(route, event, deps) as Response
      }
      catch (error) {
        response = errorResponse(error, event, deps)
      }
      return finish(event, deps, response, route)
    })
  }
  app.all('/**', event => finish(event, deps, problemResponse(new Problem(404, 'Not found', {
    detail: `No route for ${event.req.method} ${event.url.pathname}.`,
  }), requestIdOf(event)), undefined))
  return app
}

function errorResponse(error: unknown, event: H3Event, deps: AppDeps): Response {
  const { problem, unexpected } = toProblem(error)
  const requestId = requestIdOf(event)
  if (unexpected)
    deps.logger.error({ err: error, requestId, path: event.url.pathname }, 'unhandled error')
  else if (problem.status === 503)
    deps.logger.warn({ requestId, path: event.url.pathname, reason: (error as Error)?.message }, 'dependency unavailable')
  return problemResponse(problem, requestId)
}

function finish(event: H3Event, deps: AppDeps, response: Response, route: AnyRoute | undefined): Response {
  const requestId = requestIdOf(event)
  for (const [name, value] of Object.entries(BASE_HEADERS)) {
    if (!response.headers.has(name))
      response.headers.set(name, value)
  }
  response.headers.set('x-request-id', requestId)
  const started = event.context.startedAt as number | undefined
  const routeLabel = route?.path ?? 'unmatched'
  const seconds = started
    ? (performance.now() - started) / 1000
    : 0
  deps.metrics.requestDuration.observe({
    method: event.req.method,
    route: routeLabel,
    status: String(response.status),
  }, seconds)
  deps.logger.info({
    requestId,
    method: event.req.method,
    route: routeLabel,
    path: event.url.pathname,
    status: response.status,
    ms: Math.round(seconds * 1000),
    sub: (event.context.principal as { subject?: string } | undefined)?.subject,
  }, 'request')
  return response
}
