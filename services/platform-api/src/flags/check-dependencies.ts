import type { TFlagDependency } from '@dezky/contracts'
import type { Queryable } from '../db/client'
import { flags } from '../db/schema'
import { badRequest } from '../http/problem'

/**
 * A flag may depend only on flags that exist, never on itself, and never in a circle (a ← b ← a): the
 * engine would read a circle as "never satisfied", which nobody means. 400 names the offending parent.
 */
export async function checkDependencies(db: Queryable, key: string, dependencies: readonly TFlagDependency[]): Promise<void> {
  if (dependencies.length === 0)
    return
  const rows = await db.select({ key: flags.key, dependencies: flags.dependencies }).from(flags)
  const parentsOf = new Map(rows.map(row => [
    row.key,
    row.dependencies.map(dependency => dependency.feature),
  ]))
  parentsOf.set(key, dependencies.map(dependency => dependency.feature))
  for (const [index, dependency] of dependencies.entries()) {
    if (dependency.feature === key) {
      throw badRequest('Invalid dependency', {
        detail: 'A flag cannot depend on itself.',
        errors: [
          { path: `dependencies.${index}.feature`, message: 'The flag itself' },
        ],
      })
    }
    if (!parentsOf.has(dependency.feature)) {
      throw badRequest('Invalid dependency', {
        detail: `There is no flag "${dependency.feature}".`,
        errors: [
          { path: `dependencies.${index}.feature`, message: 'Unknown flag' },
        ],
      })
    }
  }
  // Walk up from the flag: reaching it again closes a circle.
  const seen = new Set<string>()
  const stack = [
    ...parentsOf.get(key)!,
  ]
  while (stack.length > 0) {
    const next = stack.pop()!
    if (next === key)
      throw badRequest('Invalid dependency', { detail: `These dependencies make a circle back to "${key}".` })
    if (seen.has(next))
      continue
    seen.add(next)
    stack.push(...parentsOf.get(next) ?? [])
  }
}
