import { FLAG_TYPES, ZFlag, ZFlagCreate, ZFlagEnvironment, ZFlagEnvironmentConfig, ZFlagEnvironmentKey, ZFlagEvaluationCounts, ZFlagKey, ZFlagKillRequest, ZFlagListItem, ZFlagOverrideSet, ZFlagScheduleCreate, ZFlagScope, ZFlagScopeId, ZFlagSegment, ZFlagSegmentWrite, ZFlagUpdate, ZPage } from '@dezky/contracts'
import { asc } from 'drizzle-orm'
import { z } from 'zod'
import { flagEnvironments } from '../db/schema'
import { defineRoute } from '../http/define-route'
import { allow } from './allow'
import { createFlag } from './create-flag'
import { findFlagEvaluations } from './find-flag-evaluations'
import { findFlags } from './find-flags'
import { cancelFlagSchedule, createFlagSchedule } from './flag-schedules'
import { createFlagSegment, deleteFlagSegment, findFlagSegments, updateFlagSegment } from './flag-segments'
import { getFlag } from './get-flag'
import { setFlagArchived } from './set-flag-archived'
import { setFlagEnvironment } from './set-flag-environment'
import { setFlagKill } from './set-flag-kill'
import { removeFlagOverride, setFlagOverride } from './set-flag-override'
import { updateFlag } from './update-flag'

const ZKeyParams = z.object({ key: ZFlagKey })
const ZOverrideParams = ZKeyParams.extend({ environment: ZFlagEnvironmentKey, scope: ZFlagScope, scopeId: ZFlagScopeId })
const ZSegmentParams = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647),
})
const TAG = 'Feature flags'
const read = { scope: 'global', capability: 'flag:read' } as const
const write = { scope: 'global', capability: 'flag:write' } as const
const kill = { scope: 'global', capability: 'flag:kill' } as const

const ifMatchOf = (headers: Headers) => headers.get('if-match')

export const flagRoutes = [
  defineRoute({
    method: 'GET',
    path: '/flags',
    operationId: 'listFlags',
    summary: 'Flags by key: search in key, name, description and tags; filter by type, stale, archived (operators)',
    tag: TAG,
    auth: true,
    access: read,
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
    tag: TAG,
    auth: true,
    access: read,
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
    tag: TAG,
    auth: true,
    access: write,
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
    tag: TAG,
    auth: true,
    access: read,
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
    tag: TAG,
    auth: true,
    access: write,
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
    tag: TAG,
    auth: true,
    access: write,
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
    tag: TAG,
    auth: true,
    access: write,
    params: ZKeyParams,
    response: { status: 200, schema: ZFlag },
    handler: ({ db, params, audit, principal }) => {
      allow(principal, 'flag:write')
      return setFlagArchived(db, params.key, false, audit)
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/flags/:key/environments/:environment',
    operationId: 'setFlagRule',
    summary: 'Set a flag\'s rule in one environment: off, on, a rollout percentage or targeting strategies (`If-Match` honoured)',
    tag: TAG,
    auth: true,
    access: write,
    params: ZKeyParams.extend({ environment: ZFlagEnvironmentKey }),
    body: ZFlagEnvironmentConfig,
    example: {
      body: { state: 'rollout', rolloutPercent: 25, stickiness: 'tenant' },
    },
    response: { status: 200, schema: ZFlag },
    handler: ({ db, params, body, audit, event, principal }) => {
      allow(principal, 'flag:write')
      return setFlagEnvironment(db, params.key, params.environment, body, ifMatchOf(event.req.headers), audit)
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/flags/:key/overrides/:environment/:scope/:scopeId',
    operationId: 'setFlagOverride',
    summary: 'Force a flag on or off for one partner, tenant (slugs) or user (id) in one environment',
    tag: TAG,
    auth: true,
    access: write,
    params: ZOverrideParams,
    body: ZFlagOverrideSet,
    example: {
      body: { value: true, note: 'Pilot customer' },
    },
    response: { status: 200, schema: ZFlag },
    handler: ({ db, params, body, audit, principal }) => {
      allow(principal, 'flag:write')
      return setFlagOverride(db, params, body, audit)
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/flags/:key/overrides/:environment/:scope/:scopeId',
    operationId: 'removeFlagOverride',
    summary: 'Remove an override; the flag\'s rule decides again',
    tag: TAG,
    auth: true,
    access: write,
    params: ZOverrideParams,
    response: { status: 200, schema: ZFlag },
    handler: ({ db, params, audit, principal }) => {
      allow(principal, 'flag:write')
      return removeFlagOverride(db, params, audit)
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/flags/:key/kill',
    operationId: 'killFlag',
    summary: 'The kill switch: the flag is off in every environment, overrides included, until restored (a reason is required)',
    tag: TAG,
    auth: true,
    access: kill,
    params: ZKeyParams,
    body: ZFlagKillRequest,
    example: {
      body: { reason: 'Errors in the new upload path' },
    },
    response: { status: 200, schema: ZFlag },
    handler: ({ db, principal, params, body, audit }) => {
      allow(principal, 'flag:kill')
      return setFlagKill(db, principal, params.key, true, body.reason, audit)
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/flags/:key/restore',
    operationId: 'restoreFlag',
    summary: 'Undo the kill switch: the flag\'s rules and overrides apply again (a reason is required)',
    tag: TAG,
    auth: true,
    access: kill,
    params: ZKeyParams,
    body: ZFlagKillRequest,
    example: {
      body: { reason: 'Fixed in 2.4.1' },
    },
    response: { status: 200, schema: ZFlag },
    handler: ({ db, principal, params, body, audit }) => {
      allow(principal, 'flag:kill')
      return setFlagKill(db, principal, params.key, false, body.reason, audit)
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/flags/:key/schedules',
    operationId: 'createFlagSchedule',
    summary: 'Schedule a change of one environment\'s state (applied within FLAG_SCHEDULE_INTERVAL_SECONDS of its time)',
    tag: TAG,
    auth: true,
    access: write,
    params: ZKeyParams,
    body: ZFlagScheduleCreate,
    example: {
      body: {
        environment: 'production',
        runAt: '2099-01-01T09:00:00.000Z',
        change: { state: 'on' },
      },
    },
    response: { status: 201, schema: ZFlag },
    handler: ({ db, principal, params, body, audit }) => {
      allow(principal, 'flag:write')
      return createFlagSchedule(db, principal, params.key, body, audit)
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/flags/:key/schedules/:id',
    operationId: 'cancelFlagSchedule',
    summary: 'Cancel a pending schedule',
    tag: TAG,
    auth: true,
    access: write,
    params: ZKeyParams.extend({
      id: z.coerce.number().int().positive().max(2_147_483_647),
    }),
    response: { status: 200, schema: ZFlag },
    handler: ({ db, params, audit, principal }) => {
      allow(principal, 'flag:write')
      return cancelFlagSchedule(db, params.key, params.id, audit)
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/flags/:key/evaluations',
    operationId: 'listFlagEvaluations',
    summary: 'A flag\'s evaluations per hour (enabled / disabled) in one environment',
    tag: TAG,
    auth: true,
    access: read,
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
  defineRoute({
    method: 'GET',
    path: '/flag-environments',
    operationId: 'listFlagEnvironments',
    summary: 'The flag environments; `current` is the one this API evaluates OFREP requests in',
    tag: TAG,
    auth: true,
    access: read,
    response: {
      status: 200,
      schema: z.array(ZFlagEnvironment),
    },
    handler: async ({ db, deps, principal }) => {
      allow(principal, 'flag:read')
      return (await db.select().from(flagEnvironments).orderBy(asc(flagEnvironments.sortOrder)))
        .map(row => ({ key: row.key, name: row.name, current: row.key === deps.flags.environment }))
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/flag-segments',
    operationId: 'listFlagSegments',
    summary: 'Segments: named constraints strategies reuse',
    tag: TAG,
    auth: true,
    access: read,
    response: {
      status: 200,
      schema: z.array(ZFlagSegment),
    },
    handler: ({ db, principal }) => {
      allow(principal, 'flag:read')
      return findFlagSegments(db)
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/flag-segments',
    operationId: 'createFlagSegment',
    summary: 'Create a segment',
    tag: TAG,
    auth: true,
    access: write,
    body: ZFlagSegmentWrite,
    example: {
      body: {
        name: 'Paying plans',
        constraints: [
          {
            contextName: 'plan',
            operator: 'IN',
            values: ['business', 'enterprise'],
          },
        ],
      },
    },
    response: { status: 201, schema: ZFlagSegment },
    handler: ({ db, body, audit, principal }) => {
      allow(principal, 'flag:write')
      return createFlagSegment(db, body, audit)
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/flag-segments/:id',
    operationId: 'updateFlagSegment',
    summary: 'Replace a segment (every flag using it changes)',
    tag: TAG,
    auth: true,
    access: write,
    params: ZSegmentParams,
    body: ZFlagSegmentWrite,
    example: {
      body: {
        name: 'Paying plans',
        constraints: [
          {
            contextName: 'plan',
            operator: 'IN',
            values: ['business', 'enterprise'],
          },
        ],
      },
    },
    response: { status: 200, schema: ZFlagSegment },
    handler: ({ db, params, body, audit, principal }) => {
      allow(principal, 'flag:write')
      return updateFlagSegment(db, params.id, body, audit)
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/flag-segments/:id',
    operationId: 'deleteFlagSegment',
    summary: 'Delete a segment no flag uses (409 naming the flags otherwise)',
    tag: TAG,
    auth: true,
    access: write,
    params: ZSegmentParams,
    response: { status: 204 },
    handler: ({ db, params, audit, principal }) => {
      allow(principal, 'flag:write')
      return deleteFlagSegment(db, params.id, audit)
    },
  }),
]
