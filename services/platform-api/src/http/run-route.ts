import type { H3Event } from 'h3'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Transaction } from '../db/client'
import type { AppDeps } from '../deps'
import type { AnyRoute, RouteContext } from './define-route'
import { writeAuditEntry } from '../audit/write-audit-entry'
import { isMutation } from './define-route'
import { readJsonBody } from './read-json-body'
import { readQuery } from './read-query'
import { auditActorOf } from './request-meta'
import { assertStorableText } from './storable-text'
import { validate } from './validate'

/**
 * The one handler shape: validate params → query → body → principal → run (in a transaction that also
 * writes the audit entry, for mutations) → serialise. Routes only supply the middle step.
 */
export async function runRoute(route: AnyRoute, event: H3Event, deps: AppDeps): Promise<unknown> {
  const rawParams = event.context.params ?? {}
  // Checked before the schema, which would turn it into a 404: the address exists, its text is unusable.
  assertStorableText(rawParams, 'params')
  const params = route.params
    ? validate(route.params, rawParams, 'params')
    : {}
  const query = route.query
    ? validate(route.query, readQuery(event), 'query')
    : {}
  const principal: Principal | null = route.auth
    ? await deps.verifyToken(event.req.headers.get('authorization'))
    : null
  // The body is read after authentication so an anonymous caller cannot make us buffer anything.
  const body = route.body
    ? validate(route.body, await readJsonBody(event, deps.config.BODY_LIMIT_BYTES), 'body')
    : undefined
  event.context.principal = principal

  const base = {
    event,
    params,
    query,
    body,
    principal,
    deps,
  }
  const result = isMutation(route)
    ? await runMutation(route, base, principal)
    : await route.handler({
        ...base,
        db: deps.db,
        audit: rejectAudit(route),
        transaction: work => deps.db.transaction(tx => work(tx)),
      })

  if (result instanceof Response)
    return result
  if (route.response.status === 204)
    return new Response(null, { status: 204 })
  return new Response(JSON.stringify(result), {
    status: route.response.status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  })
}

/**
 * A mutation with its audit entry. By default the whole handler runs in one transaction that commits only
 * with exactly one entry; a `transaction: 'handler'` route opens its own short transaction(s) and must
 * audit inside one of them (the count is checked once the handler is done).
 */
async function runMutation(route: AnyRoute, base: Omit<RouteContext<unknown, unknown, unknown, boolean>, 'db' | 'audit' | 'transaction'>, principal: Principal | null): Promise<unknown> {
  const { deps, event } = base
  let entries = 0
  let open: Transaction | null = null
  const audit = async (input: AuditInput) => {
    entries++
    if (!principal)
      throw new Error(`${route.operationId} mutates without authentication; every mutation has an actor`)
    if (!open)
      throw new Error(`${route.operationId} audits outside a transaction; the entry must commit with the change`)
    await writeAuditEntry(open, auditActorOf(event, principal), input)
  }
  const assertOneEntry = () => {
    if (entries !== 1)
      throw new Error(`${route.operationId} wrote ${entries} audit entries; a mutation writes exactly one`)
  }
  const transaction = <T>(work: (tx: Transaction) => Promise<T>) => deps.db.transaction(async (tx) => {
    open = tx
    try {
      return await work(tx)
    }
    finally {
      open = null
    }
  })
  if (route.transaction === 'handler') {
    const value = await route.handler({
      ...base,
      db: deps.db,
      audit,
      transaction,
    })
    assertOneEntry()
    return value
  }
  return transaction(async (tx) => {
    const value = await route.handler({
      ...base,
      db: tx,
      audit,
      transaction: work => work(tx),
    })
    assertOneEntry()
    return value
  })
}

function rejectAudit(route: AnyRoute) {
  return async () => {
    throw new Error(`${route.operationId} is a read; reads do not write audit entries`)
  }
}
