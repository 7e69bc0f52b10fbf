import type { TFlagConstraint, TFlagEnvironmentConfig } from '@dezky/contracts'
import type { Queryable } from '../db/client'
import { inArray } from 'drizzle-orm'
import { RE2JS } from 're2js'
import { flagSegments } from '../db/schema'
import { badRequest } from '../http/problem'

interface Issue { path: string, message: string }

/** A constraint the engine would silently never match is refused instead: bad patterns, numbers, dates, ranges. */
export function constraintIssues(constraint: TFlagConstraint, path: string): Issue[] {
  const issues: Issue[] = []
  const single = constraint.value ?? constraint.values[0]
  switch (constraint.operator) {
    case 'REGEX':
      try {
        RE2JS.compile(single ?? '')
      }
      catch (error) {
        issues.push({ path: `${path}.value`, message: `Not an RE2 pattern: ${(error as Error).message}` })
      }
      break
    case 'NUM_EQ':
    case 'NUM_GT':
    case 'NUM_GTE':
    case 'NUM_LT':
    case 'NUM_LTE':
      if (single === undefined || Number.isNaN(Number(single)) || single.trim() === '')
        issues.push({ path: `${path}.value`, message: 'A number is needed' })
      break
    case 'DATE_AFTER':
    case 'DATE_BEFORE':
      if (single === undefined || Number.isNaN(Date.parse(single)))
        issues.push({ path: `${path}.value`, message: 'An ISO 8601 date-time is needed' })
      break
    case 'SEMVER_EQ':
    case 'SEMVER_GT':
    case 'SEMVER_GTE':
    case 'SEMVER_LT':
    case 'SEMVER_LTE':
      if (single === undefined || !/^\d+\.\d+\.\d+(?:-[0-9A-Z.-]+)?(?:\+[0-9A-Z.-]+)?$/i.test(single))
        issues.push({ path: `${path}.value`, message: 'A semantic version (1.2.3) is needed' })
      break
    case 'IN_CIDR':
      for (const [index, value] of constraint.values.entries()) {
        if (!/^[\d.:a-f]+(?:\/\d{1,3})?$/i.test(value))
          issues.push({ path: `${path}.values.${index}`, message: 'An IP address or CIDR range is needed' })
      }
      break
    default:
      if (constraint.values.length === 0)
        issues.push({ path: `${path}.values`, message: 'At least one value is needed' })
  }
  return issues
}

/**
 * A rule's strategies must name segments that exist, carry sane rollout parameters and constraints the
 * engine can read (400 with every issue's path, for the console's form).
 */
export async function checkRules(db: Queryable, config: TFlagEnvironmentConfig): Promise<void> {
  const issues: Issue[] = []
  const segmentIds = [
    ...new Set(config.strategies.flatMap(strategy => strategy.segments)),
  ]
  const known = segmentIds.length === 0
    ? new Set<number>()
    : new Set((await db.select({ id: flagSegments.id }).from(flagSegments).where(inArray(flagSegments.id, segmentIds))).map(row => row.id))
  for (const [s, strategy] of config.strategies.entries()) {
    for (const [i, id] of strategy.segments.entries()) {
      if (!known.has(id))
        issues.push({ path: `strategies.${s}.segments.${i}`, message: `There is no segment ${id}` })
    }
    const rollout = strategy.parameters.rollout ?? strategy.parameters.percentage
    if (rollout !== undefined && !/^(?:100|\d{1,2})$/.test(rollout))
      issues.push({ path: `strategies.${s}.parameters.rollout`, message: 'A whole percentage, 0 to 100' })
    for (const [c, constraint] of strategy.constraints.entries())
      issues.push(...constraintIssues(constraint, `strategies.${s}.constraints.${c}`))
  }
  if (config.variants.length > 0 && config.variants.every(variant => variant.weight === 0))
    issues.push({ path: 'variants', message: 'At least one variant needs a weight' })
  if (issues.length > 0) {
    throw badRequest('Invalid flag rule', {
      detail: issues.map(issue => `${issue.path}: ${issue.message}`).join('; '),
      errors: issues,
    })
  }
}
