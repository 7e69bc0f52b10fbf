import { USER_SORT_FIELDS, ZCreateTenantMember, ZMe, ZPage, ZPageQuery, ZPasswordResetSent, ZTenantMember, ZTenantMemberListItem, ZTenantRole, ZUpdateTenantMember, ZUserSearchItem } from '@dezky/contracts'
import { z } from 'zod'
import { defineRoute } from '../http/define-route'
import { ZSort } from '../http/pagination'
import { auditActorOf } from '../http/request-meta'
import { ZTenantParams } from '../tenants/routes'
import { addTenantMember } from './add-tenant-member'
import { findTenantMembers, MEMBER_SORT_FIELDS } from './find-tenant-members'
import { findUsers } from './find-users'
import { removeTenantMember } from './remove-tenant-member'
import { sendPasswordReset } from './send-password-reset'
import { syncMe } from './sync-me'
import { updateTenantMember } from './update-tenant-member'

const ZMemberParams = ZTenantParams.extend({
  userId: z.uuid(),
})

export const userRoutes = [
  defineRoute({
    method: 'GET',
    path: '/users/me',
    operationId: 'getMe',
    summary: 'Who the caller is; records the user from the token claims',
    tag: 'Users',
    auth: true,
    access: { scope: 'self' },
    response: { status: 200, schema: ZMe },
    handler: ({ deps, principal, event }) => syncMe({
      db: deps.db,
      principal,
      actor: auditActorOf(event, principal),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/users',
    operationId: 'searchUsers',
    summary: 'Find people across the tenants the caller may search (by e-mail or name), each with their memberships',
    tag: 'Users',
    auth: true,
    access: { scope: 'list', capability: 'user:search' },
    query: ZPageQuery.extend({
      sort: ZSort(USER_SORT_FIELDS, 'email'),
      q: z.string().trim().min(1).max(100).optional(),
    }).strict(),
    response: {
      status: 200,
      schema: ZPage(ZUserSearchItem),
    },
    handler: ({ db, principal, query }) => findUsers({
      db,
      principal,
      ...query,
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/tenants/:slug/members',
    operationId: 'listTenantMembers',
    summary: 'List the people of a tenant',
    tag: 'Users',
    auth: true,
    access: { scope: 'tenant', capability: 'member:read' },
    params: ZTenantParams,
    query: ZPageQuery.extend({
      sort: ZSort(MEMBER_SORT_FIELDS, 'email'),
      role: ZTenantRole.optional(),
      q: z.string().trim().min(1).max(100).optional(),
    }).strict(),
    response: {
      status: 200,
      schema: ZPage(ZTenantMemberListItem),
    },
    handler: ({ db, principal, params, query }) => findTenantMembers({
      db,
      principal,
      slug: params.slug,
      ...query,
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/tenants/:slug/members',
    operationId: 'addTenantMember',
    summary: 'Add a person to a tenant',
    tag: 'Users',
    auth: true,
    access: { scope: 'tenant', capability: 'member:write' },
    params: ZTenantParams,
    body: ZCreateTenantMember,
    example: {
      body: { email: 'maria@example.com', name: 'Maria Silva', role: 'member' },
    },
    response: { status: 201, schema: ZTenantMember },
    handler: ({ db, principal, params, body, audit }) => addTenantMember({
      db,
      principal,
      slug: params.slug,
      input: body,
      audit,
    }),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/tenants/:slug/members/:userId',
    operationId: 'updateTenantMember',
    summary: 'Change a member\'s role, name or active flag',
    tag: 'Users',
    auth: true,
    access: { scope: 'tenant', capability: 'member:write' },
    params: ZMemberParams,
    body: ZUpdateTenantMember,
    example: {
      body: { name: 'Maria S. Silva', active: false },
    },
    response: { status: 200, schema: ZTenantMember },
    handler: ({ db, principal, params, body, audit }) => updateTenantMember({
      db,
      principal,
      slug: params.slug,
      userId: params.userId,
      input: body,
      audit,
    }),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/tenants/:slug/members/:userId',
    operationId: 'removeTenantMember',
    summary: 'Remove a person from a tenant',
    tag: 'Users',
    auth: true,
    access: { scope: 'tenant', capability: 'member:write' },
    params: ZMemberParams,
    response: { status: 204 },
    handler: ({ db, principal, params, audit }) => removeTenantMember({
      db,
      principal,
      slug: params.slug,
      userId: params.userId,
      audit,
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/tenants/:slug/members/:userId/password-reset',
    operationId: 'sendMemberPasswordReset',
    summary: 'Mail a member a one-time link to choose a new password',
    tag: 'Users',
    auth: true,
    access: { scope: 'tenant', capability: 'member:write' },
    // It waits on Authentik and the mail server: no connection is held meanwhile.
    transaction: 'handler',
    params: ZMemberParams,
    response: { status: 202, schema: ZPasswordResetSent, description: 'The link was mailed to the member' },
    handler: ({ db, transaction, principal, params, deps, audit }) => sendPasswordReset({
      db,
      transaction,
      principal,
      slug: params.slug,
      userId: params.userId,
      config: deps.config,
      audit,
    }),
  }),
]
