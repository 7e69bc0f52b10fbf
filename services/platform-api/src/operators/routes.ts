import { OPERATOR_SORT_FIELDS, ZCreateOperator, ZOperator, ZOperatorRole, ZPage, ZPageQuery, ZUpdateOperator } from '@dezky/contracts'
import { z } from 'zod'
import { defineRoute } from '../http/define-route'
import { ZSort } from '../http/pagination'
import { addOperator } from './add-operator'
import { findOperators } from './find-operators'
import { removeOperator } from './remove-operator'
import { updateOperator } from './update-operator'

/** An operator is addressed by their Authentik user's uuid, the `sub` of their tokens. */
const ZOperatorParams = z.object({
  id: z.uuid(),
})

export const operatorRoutes = [
  defineRoute({
    method: 'GET',
    path: '/operators',
    operationId: 'listOperators',
    summary: 'The operator team: the people in Authentik\'s operator:<role> groups',
    tag: 'Operators',
    auth: true,
    access: { scope: 'global', capability: 'operator:read' },
    query: ZPageQuery.extend({
      sort: ZSort(OPERATOR_SORT_FIELDS, 'name'),
      role: ZOperatorRole.optional(),
      q: z.string().trim().min(1).max(100).optional(),
    }).strict(),
    response: {
      status: 200,
      schema: ZPage(ZOperator),
    },
    handler: ({ db, principal, query, deps }) => findOperators({
      db,
      principal,
      config: deps.config,
      ...query,
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/operators',
    operationId: 'addOperator',
    summary: 'Add a person to the operator team (their Authentik user is adopted by e-mail or created)',
    tag: 'Operators',
    auth: true,
    access: { scope: 'global', capability: 'operator:manage' },
    // It waits on Authentik: no transaction is held meanwhile.
    transaction: 'handler',
    body: ZCreateOperator,
    example: {
      body: { email: 'rita@dezky.example', name: 'Rita Prado', role: 'technician' },
    },
    response: { status: 201, schema: ZOperator },
    handler: ({ deps, transaction, principal, body, audit }) => addOperator({
      db: deps.db,
      transaction,
      principal,
      input: body,
      config: deps.config,
      audit,
    }),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/operators/:id',
    operationId: 'updateOperator',
    summary: 'Change an operator\'s role',
    tag: 'Operators',
    auth: true,
    access: { scope: 'global', capability: 'operator:manage' },
    transaction: 'handler',
    params: ZOperatorParams,
    body: ZUpdateOperator,
    example: {
      body: { role: 'ops_lead' },
    },
    response: { status: 200, schema: ZOperator },
    handler: ({ deps, transaction, principal, params, body, audit }) => updateOperator({
      db: deps.db,
      transaction,
      principal,
      id: params.id,
      input: body,
      config: deps.config,
      audit,
    }),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/operators/:id',
    operationId: 'removeOperator',
    summary: 'Take a person off the operator team (their Authentik user is kept)',
    tag: 'Operators',
    auth: true,
    access: { scope: 'global', capability: 'operator:manage' },
    transaction: 'handler',
    params: ZOperatorParams,
    response: { status: 204 },
    handler: ({ deps, transaction, principal, params, audit }) => removeOperator({
      db: deps.db,
      transaction,
      principal,
      id: params.id,
      config: deps.config,
      audit,
    }),
  }),
]
