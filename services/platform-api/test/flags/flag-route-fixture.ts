import type { Database } from '../../src/db/client'
import { eq } from 'drizzle-orm'
import { flagOverrides, flags, flagSchedules, flagSegments } from '../../src/db/schema'

/** The flag the route-driven suites (isolation, audit, 401) act on. */
export const FIXTURE_FLAG = 'fixture.flag'

let segments = 0

export const isFlagRoute = (path: string) => path.startsWith('/flags') || path.startsWith('/flag-segments')

/** A path with valid parameters, for checks that stop before any state matters (no token → 401). */
export function sampleFlagPath(path: string): string {
  return path.replace(':key', FIXTURE_FLAG).replace(':environment', 'development').replace(':scope', 'tenant').replace(':scopeId', 'acme').replace(':id', '1')
}

/**
 * Puts the fixture flag in the state the route acts on (live for kill and archive, killed for restore,
 * archived for unarchive, with an override to remove, a pending schedule or a spare segment) and returns
 * the route's path. Each call starts over, so every principal of the matrix meets the same state.
 */
export async function prepareFlagRoute(db: Database, routePath: string): Promise<string> {
  await db.insert(flags).values({ key: FIXTURE_FLAG, name: 'Fixture flag', type: 'release' }).onConflictDoUpdate({
    target: flags.key,
    set: {
      archivedAt: null,
      killedAt: null,
      killedBy: null,
      killReason: null,
    },
  })
  if (routePath === '/flags/:key/unarchive') {
    await db.update(flags).set({
      archivedAt: new Date(),
    }).where(eq(flags.key, FIXTURE_FLAG))
  }
  if (routePath === '/flags/:key/restore') {
    await db.update(flags).set({
      killedAt: new Date(),
      killReason: 'fixture',
    }).where(eq(flags.key, FIXTURE_FLAG))
  }
  if (routePath.startsWith('/flags/:key/overrides')) {
    await db.insert(flagOverrides).values({
      flagKey: FIXTURE_FLAG,
      environment: 'development',
      scope: 'tenant',
      scopeId: 'acme',
      value: true,
    }).onConflictDoNothing()
  }
  let id = '1'
  if (routePath === '/flags/:key/schedules/:id') {
    const [schedule] = await db.insert(flagSchedules).values({
      flagKey: FIXTURE_FLAG,
      environment: 'development',
      runAt: new Date(Date.now() + 86_400_000),
      change: { state: 'on' },
    }).returning()
    id = String(schedule!.id)
  }
  if (routePath === '/flag-segments/:id') {
    const [segment] = await db.insert(flagSegments).values({ name: `fixture segment ${++segments}`, constraints: [] }).returning()
    id = String(segment!.id)
  }
  return sampleFlagPath(routePath).replace(/\/1$/, `/${id}`)
}

/** Keys and segment names must be new on every call of a creating route. */
export function uniqueFlagBody(path: string, body: Record<string, unknown>, n: number): void {
  if (typeof body.key === 'string')
    body.key = `${body.key}-${n}`
  if (path.startsWith('/flag-segments') && typeof body.name === 'string')
    body.name = `${body.name} ${n}`
}
