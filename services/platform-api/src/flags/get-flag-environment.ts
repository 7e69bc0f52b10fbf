import type { Queryable } from '../db/client'
import { eq } from 'drizzle-orm'
import { flagEnvironments } from '../db/schema'
import { notFound } from '../http/problem'

export async function getFlagEnvironment(db: Queryable, key: string) {
  const [row] = await db.select().from(flagEnvironments).where(eq(flagEnvironments.key, key))
  if (!row)
    throw notFound('Flag environment', `There is no flag environment "${key}".`)
  return row
}
