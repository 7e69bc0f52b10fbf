import { ZFlag, ZFlagEnvironmentConfig, ZFlagEnvironmentKey, ZFlagKillRequest, ZFlagOverrideSet, ZFlagScheduleCreate } from '@dezky/contracts'
import { z } from 'zod'
import { defineRoute } from '../http/define-route'
import { allow } from './allow'
import { cancelFlagSchedule, createFlagSchedule } from './flag-schedules'
import { FLAGS_TAG, ifMatchOf, KILL, WRITE, ZKeyParams, ZOverrideParams } from './route-parts'
import { setFlagEnvironment } from './set-flag-environment'
import { setFlagKill } from './set-flag-kill'
import { removeFlagOverride, setFlagOverride } from './set-flag-override'

/** What decides a flag's value: per-environment rules, overrides, the kill switch, schedules. */
export const flagRuleRoutes = [
  defineRoute({
    method: 'PUT',
    path: '/flags/:key/environments/:environment',
    operationId: 'setFlagRule',
    summary: 'Set a flag\'s rule in one environment: off, on, a rollout percentage or targeting strategies (`If-Match` honoured)',
    tag: FLAGS_TAG,
    auth: true,
    access: WRITE,
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
    tag: FLAGS_TAG,
    auth: true,
    access: WRITE,
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
    tag: FLAGS_TAG,
    auth: true,
    access: WRITE,
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
    tag: FLAGS_TAG,
    auth: true,
    access: KILL,
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
    tag: FLAGS_TAG,
    auth: true,
    access: KILL,
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
    tag: FLAGS_TAG,
    auth: true,
    access: WRITE,
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
    tag: FLAGS_TAG,
    auth: true,
    access: WRITE,
    params: ZKeyParams.extend({
      id: z.coerce.number().int().positive().max(2_147_483_647),
    }),
    response: { status: 200, schema: ZFlag },
    handler: ({ db, params, audit, principal }) => {
      allow(principal, 'flag:write')
      return cancelFlagSchedule(db, params.key, params.id, audit)
    },
  }),
]
