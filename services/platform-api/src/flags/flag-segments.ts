import type { TFlagSegment, ZFlagSegmentWrite } from '@dezky/contracts'
import type { z } from 'zod'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Queryable } from '../db/client'
import type { FlagSegmentRow } from '../db/schema'
import { asc, eq, sql } from 'drizzle-orm'
import { diffFields } from '../audit/diff-fields'
import { flagConfigs, flagSegments } from '../db/schema'
import { badRequest, conflict, notFound } from '../http/problem'
import { constraintIssues } from './check-rules'
import { notifyFlagsChanged } from './notify-flags-changed'

function toSegment(row: FlagSegmentRow): TFlagSegment {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    constraints: row.constraints,
    updatedAt: row.updatedAt.toISOString(),
  }
}

function checkConstraints(input: z.output<typeof ZFlagSegmentWrite>) {
  const issues = input.constraints.flatMap((constraint, index) => constraintIssues(constraint, `constraints.${index}`))
  if (issues.length > 0) {
    throw badRequest('Invalid segment', {
      detail: issues.map(issue => `${issue.path}: ${issue.message}`).join('; '),
      errors: issues,
    })
  }
}

/** The flags whose rules use a segment, in any environment. */
async function flagsUsing(db: Queryable, id: number): Promise<string[]> {
  const rows = await db.selectDistinct({ key: flagConfigs.flagKey }).from(flagConfigs).where(sql`exists (select 1 from jsonb_array_elements(${flagConfigs.strategies}) s where s->'segments' @> ${JSON.stringify([id])}::jsonb)`)
  return rows.map(row => row.key)
}

export async function findFlagSegments(db: Queryable): Promise<TFlagSegment[]> {
  return (await db.select().from(flagSegments).orderBy(asc(flagSegments.name))).map(toSegment)
}

export async function createFlagSegment(db: Queryable, input: z.output<typeof ZFlagSegmentWrite>, audit: (entry: AuditInput) => Promise<void>): Promise<TFlagSegment> {
  checkConstraints(input)
  const [row] = await db.insert(flagSegments).values(input).onConflictDoNothing().returning()
  if (!row)
    throw conflict(`A segment "${input.name}" exists already.`)
  await audit({
    action: 'segment.create',
    targetType: 'segment',
    targetId: String(row.id),
    tenantSlug: null,
    changes: diffFields(null, { name: row.name, description: row.description, constraints: row.constraints }),
  })
  return toSegment(row)
}

/** Changing a segment changes every flag using it: their evaluations change, so caches are told. */
export async function updateFlagSegment(db: Queryable, id: number, input: z.output<typeof ZFlagSegmentWrite>, audit: (entry: AuditInput) => Promise<void>): Promise<TFlagSegment> {
  checkConstraints(input)
  const [current] = await db.select().from(flagSegments).where(eq(flagSegments.id, id)).for('update')
  if (!current)
    throw notFound('Segment', `There is no segment ${id}.`)
  const [taken] = await db.select({ id: flagSegments.id }).from(flagSegments).where(eq(flagSegments.name, input.name))
  if (taken && taken.id !== id)
    throw conflict(`A segment "${input.name}" exists already.`)
  const [row] = await db.update(flagSegments).set({
    ...input,
    updatedAt: new Date(),
  }).where(eq(flagSegments.id, id)).returning()
  await notifyFlagsChanged(db, await flagsUsing(db, id))
  await audit({
    action: 'segment.update',
    targetType: 'segment',
    targetId: String(id),
    tenantSlug: null,
    changes: diffFields({ name: current.name, description: current.description, constraints: current.constraints }, { name: row!.name, description: row!.description, constraints: row!.constraints }),
  })
  return toSegment(row!)
}

/** A segment some flag's rule still uses cannot go (409 naming the flags). */
export async function deleteFlagSegment(db: Queryable, id: number, audit: (entry: AuditInput) => Promise<void>): Promise<void> {
  const [current] = await db.select().from(flagSegments).where(eq(flagSegments.id, id)).for('update')
  if (!current)
    throw notFound('Segment', `There is no segment ${id}.`)
  const users = await flagsUsing(db, id)
  if (users.length > 0)
    throw conflict(`Segment "${current.name}" is used by ${users.join(', ')}; remove it from their rules first.`)
  await db.delete(flagSegments).where(eq(flagSegments.id, id))
  await audit({
    action: 'segment.delete',
    targetType: 'segment',
    targetId: String(id),
    tenantSlug: null,
    changes: diffFields({ name: current.name, description: current.description, constraints: current.constraints }, null),
  })
}
