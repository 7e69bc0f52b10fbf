import { FLAG_TYPES, ZFlag, ZFlagCreate, ZFlagEnvironmentKey, ZFlagEvaluationCounts, ZFlagListItem, ZFlagUpdate, ZPage } from '@dezky/contracts'
import { z } from 'zod'
import { defineRoute } from '../http/define-route'
import { allow } from './allow'
import { createFlag } from './create-flag'
import { findFlagEvaluations } from './find-flag-evaluations'
import { findFlags } from './find-flags'
import { getFlag } from './get-flag'
import { FLAGS_TAG, ifMatchOf, READ, WRITE, ZKeyParams } from './route-parts'
import { setFlagArchived } from './set-flag-archived'
import { updateFlag } from './update-flag'

/** Flags themselves: list, stale list, create, read, change, archive, evaluation counts. */
export const flagDefinitionRoutes = [
  defineRoute({
    method: 'GET',
    path: '/flags',
    operationId: 'listFlags',
    summary: 'Flags by key: search in key, name, description and tags; filter by type, stale, archived (operators)',
    tag: FLAGS_TAG,
    auth: true,
    access: READ,
    query: z.object({
      q: z.string().trim().min(1).max(100).optional(),
      type: z.enum(FLAG_TYPES).optional(),
      stale: z.enum(['true', 'false']).optional(),
      archived: z.enum(['only', 'include']).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      cursor: z.string().max(512).optional(),
    }).strict(),
    response: {
      status: 200,
      schema: ZPage(ZFlagListItem),
    },
    handler: ({ db, query, principal }) => {
      allow(principal, 'flag:read')
      return findFlags(db, { ...query, stale: query.stale === 'true' })
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/flags/stale',
    operationId: 'listStaleFlags',
    summary: 'Flags past their type\'s lifetime or not evaluated for FLAG_UNUSED_AFTER_DAYS, with the reasons (operators)',
    tag: FLAGS_TAG,
    auth: true,
    access: READ,
    response: {
      status: 200,
      schema: ZPage(ZFlagListItem),
    },
    handler: ({ db, principal }) => {
      allow(principal, 'flag:read')
      return findFlags(db, { stale: true, limit: 500 })
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/flags',
    operationId: 'createFlag',
    summary: 'Create a flag (off in every environment until a rule is set)',
    tag: FLAGS_TAG,
    auth: true,
    access: WRITE,
    body: ZFlagCreate,
    example: {
      body: { key: 'portal.new-dashboard', name: 'New dashboard', type: 'release' },
    },
    response: { status: 201, schema: ZFlag },
    handler: ({ db, body, audit, principal }) => {
      allow(principal, 'flag:write')
      return createFlag(db, body, audit)
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/flags/:key',
    operationId: 'getFlag',
    summary: 'A flag with every environment\'s rule, overrides, schedules, last evaluation and stale reasons',
    tag: FLAGS_TAG,
    auth: true,
    access: READ,
    params: ZKeyParams,
    response: { status: 200, schema: ZFlag },
    handler: ({ db, params, principal }) => {
      allow(principal, 'flag:read')
      return getFlag(db, params.key)
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/flags/:key',
    operationId: 'updateFlag',
    summary: 'Change a flag\'s name, description, type, tags or dependencies (`If-Match: "<version>"` → 412 when it changed meanwhile)',
    tag: FLAGS_TAG,
    auth: true,
    access: WRITE,
    params: ZKeyParams,
    body: ZFlagUpdate,
    example: {
      body: { description: 'The dashboard with usage and setup steps' },
    },
    response: { status: 200, schema: ZFlag },
    handler: ({ db, params, body, audit, event, principal }) => {
      allow(principal, 'flag:write')
      return updateFlag(db, params.key, body, ifMatchOf(event.req.headers), audit)
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/flags/:key',
    operationId: 'archiveFlag',
    summary: 'Archive a flag: kept with its history, evaluated off, pending schedules cancelled',
    tag: FLAGS_TAG,
    auth: true,
    access: WRITE,
    params: ZKeyParams,
    response: { status: 200, schema: ZFlag },
    handler: ({ db, params, audit, principal }) => {
      allow(principal, 'flag:write')
      return setFlagArchived(db, params.key, true, audit)
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/flags/:key/unarchive',
    operationId: 'unarchiveFlag',
    summary: 'Bring an archived flag back with the rules it had',
    tag: FLAGS_TAG,
    auth: true,
    access: WRITE,
    params: ZKeyParams,
    response: { status: 200, schema: ZFlag },
    handler: ({ db, params, audit, principal }) => {
      allow(principal, 'flag:write')
      return setFlagArchived(db, params.key, false, audit)
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/flags/:key/evaluations',
    operationId: 'listFlagEvaluations',
    summary: 'A flag\'s evaluations per hour (enabled / disabled) in one environment',
    tag: FLAGS_TAG,
    auth: true,
    access: READ,
    params: ZKeyParams,
    query: z.object({
      environment: ZFlagEnvironmentKey.optional(),
      hours: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
    }).strict(),
    response: { status: 200, schema: ZFlagEvaluationCounts },
    handler: ({ db, deps, params, query, principal }) => {
      allow(principal, 'flag:read')
      return findFlagEvaluations(db, params.key, query.environment ?? deps.flags.environment, query.hours)
    },
  }),
]
