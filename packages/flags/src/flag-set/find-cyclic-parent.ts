import type { CompiledDependency } from './compiled-flag'

/**
 * For each flag, the first dependency through which the flag depends on itself (null when none).
 * Decided once at compile time, so evaluation walks an acyclic graph and a cycle (a → b → a, or a → a)
 * cannot recurse forever; every flag on the cycle is then simply unsatisfied, whichever is asked first.
 */
export function findCyclicParents(dependencies: readonly CompiledDependency[][]): (string | null)[] {
  return dependencies.map((own, start) => own.find(dependency => reaches(dependency.index, start, dependencies))?.feature ?? null)
}

function reaches(from: number, target: number, dependencies: readonly CompiledDependency[][]): boolean {
  const seen = new Set<number>()
  const pending = [from]
  while (pending.length > 0) {
    const index = pending.pop()!
    if (index === target)
      return true
    if (index < 0 || seen.has(index))
      continue
    seen.add(index)
    for (const dependency of dependencies[index] ?? [])
      pending.push(dependency.index)
  }
  return false
}
