import type { H3Event } from 'h3'
import type { z } from 'zod'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Capability } from '../auth/capabilities'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { AppDeps } from '../deps'

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/**
 * How the isolation test reaches a route: which kind of resource it addresses and the capability that
 * governs it. `tenant`/`partner` routes take the slug from `params.slug`.
 */
export type RouteAccess
  = | { scope: 'public' }
    | { scope: 'self' }
    | { scope: 'list', capability: Capability }
    | { scope: 'tenant', capability: Capability }
    | { scope: 'partner', capability: Capability }
    | { scope: 'global', capability: Capability }

export interface RouteContext<P, Q, B, A extends boolean> {
  event: H3Event
  params: P
  query: Q
  body: B
  principal: A extends true ? Principal : null
  /** The pool for reads; the request's transaction for mutations. */
  db: Queryable
  /** Mutating routes must call this exactly once; the entry commits with the change. */
  audit: (entry: AuditInput) => Promise<void>
  /**
   * Runs `work` in a transaction (call `audit` inside it). Only routes with `transaction: 'handler'` need
   * it: they get the pool as `db` and open a short transaction once their slow upstream work is done;
   * elsewhere it runs `work` in the request's transaction.
   */
  transaction: <T>(work: (tx: Queryable) => Promise<T>) => Promise<T>
  deps: AppDeps
}

export interface RouteDefinition<
  PS extends z.ZodType = z.ZodType,
  QS extends z.ZodType = z.ZodType,
  BS extends z.ZodType = z.ZodType,
  A extends boolean = boolean,
> {
  method: HttpMethod
  /** rou3 syntax: `/tenants/:slug`. */
  path: string
  operationId: string
  summary: string
  tag: string
  auth: A
  access: RouteAccess
  params?: PS
  query?: QS
  body?: BS
  /**
   * Mutations run in one transaction around the handler (`request`, the default). `handler`: the route
   * waits on something slow (DNS lookups) and must not hold a connection and locks meanwhile, so it gets
   * the pool and opens its own short transaction with `ctx.transaction`.
   */
  transaction?: 'request' | 'handler'
  /**
   * A POST that changes nothing: it takes a body only because its input does not fit a query string
   * (OFREP evaluation). It runs as a read: no transaction, no audit entry.
   */
  readOnly?: true
  /** A valid body, shown in the reference and used by the route-driven tests (they make slugs and emails unique). */
  example?: { body?: unknown }
  /** Success status and schema of the JSON body; `raw` routes return their own Response. */
  response: { status: 200 | 201 | 202 | 204, schema?: z.ZodType, description?: string, contentType?: string }
  handler: (ctx: RouteContext<z.output<PS>, z.output<QS>, z.output<BS>, A>) => Promise<unknown>
}

/** Identity function that types a route; the route table (routes.ts) is the single source of truth. */
export function defineRoute<PS extends z.ZodType, QS extends z.ZodType, BS extends z.ZodType, A extends boolean>(
  route: RouteDefinition<PS, QS, BS, A>,
): RouteDefinition<PS, QS, BS, A> {
  return route
}

export type AnyRoute = RouteDefinition<any, any, any, any>

export const isMutation = (route: AnyRoute) => route.method !== 'GET' && !route.readOnly
