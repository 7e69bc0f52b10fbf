import type { H3Event } from 'h3'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { AppDeps } from '../deps'
import type { AnyRoute } from './define-route'
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
    ? await deps.db.transaction(async (tx) => {
        let entries = 0
        const audit = async (input: AuditInput) => {
          entries++
          if (!principal)
            throw new Error(`${route.operationId} mutates without authentication; every mutation has an actor`)
          await writeAuditEntry(tx, auditActorOf(event, principal), input)
        }
        const value = await route.handler({ ...base, db: tx, audit })
        if (entries !== 1)
          throw new Error(`${route.operationId} wrote ${entries} audit entries; a mutation writes exactly one`)
        return value
      })
    : await route.handler({
        ...base,
        db: deps.db,
        audit: rejectAudit(route),
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

function rejectAudit(route: AnyRoute) {
  return async () => {
    throw new Error(`${route.operationId} is a read; reads do not write audit entries`)
  }
}
