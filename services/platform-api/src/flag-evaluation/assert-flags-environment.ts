import type { Database } from '../db/client'
import { eq } from 'drizzle-orm'
import { flagEnvironments } from '../db/schema'

/** A process evaluating flags in an environment nobody can configure would answer `off` for ever: refuse to start. */
export async function assertFlagsEnvironment(db: Database, environment: string): Promise<void> {
  const [row] = await db.select({ key: flagEnvironments.key }).from(flagEnvironments).where(eq(flagEnvironments.key, environment))
  if (!row) {
    const known = await db.select({ key: flagEnvironments.key }).from(flagEnvironments).orderBy(flagEnvironments.sortOrder)
    throw new Error(`FLAGS_ENVIRONMENT "${environment}" is not a flag environment (known: ${known.map(env => env.key).join(', ')})`)
  }
}
