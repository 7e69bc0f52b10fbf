import { ZFlagEnvironment, ZFlagSegment, ZFlagSegmentWrite } from '@dezky/contracts'
import { asc } from 'drizzle-orm'
import { z } from 'zod'
import { flagEnvironments } from '../db/schema'
import { defineRoute } from '../http/define-route'
import { allow } from './allow'
import { createFlagSegment, deleteFlagSegment, findFlagSegments, updateFlagSegment } from './flag-segments'
import { FLAGS_TAG, READ, WRITE, ZSegmentParams } from './route-parts'

/** What rules share: environments and segments. */
export const flagSegmentRoutes = [
  defineRoute({
    method: 'GET',
    path: '/flag-environments',
    operationId: 'listFlagEnvironments',
    summary: 'The flag environments; `current` is the one this API evaluates OFREP requests in',
    tag: FLAGS_TAG,
    auth: true,
    access: READ,
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
    tag: FLAGS_TAG,
    auth: true,
    access: READ,
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
    tag: FLAGS_TAG,
    auth: true,
    access: WRITE,
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
    tag: FLAGS_TAG,
    auth: true,
    access: WRITE,
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
    tag: FLAGS_TAG,
    auth: true,
    access: WRITE,
    params: ZSegmentParams,
    response: { status: 204 },
    handler: ({ db, params, audit, principal }) => {
      allow(principal, 'flag:write')
      return deleteFlagSegment(db, params.id, audit)
    },
  }),
]
