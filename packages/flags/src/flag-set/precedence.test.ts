import type { FlagOverrideRule } from '../types'
import { describe, expect, it } from 'vitest'
import { flag } from '../../test/fixtures/flag-definitions'
import { compileFlagSet } from './compile-flag-set'

type Override = 'absent' | true | false
const OVERRIDES: Override[] = ['absent', true, false]
const CONTEXT = { userId: 'u-1', tenant: 'acme', partner: 'northwind' }

/** What the semantics say, written independently of the engine: kill > user > tenant > partner > state. */
function expected(killed: boolean, user: Override, tenant: Override, partner: Override, state: 'off' | 'on') {
  if (killed)
    return { value: false, decision: 'killed', scope: null }
  for (const [scope, override] of [
    ['user', user],
    ['tenant', tenant],
    ['partner', partner],
  ] as const) {
    if (override !== 'absent')
      return { value: override, decision: 'override', scope }
  }
  return { value: state === 'on', decision: state, scope: null }
}

function overrides(user: Override, tenant: Override, partner: Override): FlagOverrideRule[] {
  const rules: FlagOverrideRule[] = []
  if (user !== 'absent') {
    rules.push({
      environment: 'production',
      scope: 'user',
      scopeId: CONTEXT.userId,
      value: user,
    })
  }
  if (tenant !== 'absent') {
    rules.push({
      environment: 'production',
      scope: 'tenant',
      scopeId: CONTEXT.tenant,
      value: tenant,
    })
  }
  if (partner !== 'absent') {
    rules.push({
      environment: 'production',
      scope: 'partner',
      scopeId: CONTEXT.partner,
      value: partner,
    })
  }
  return rules
}

describe('precedence over the scope axes', () => {
  const cases = OVERRIDES.flatMap(user => OVERRIDES.flatMap(tenant => OVERRIDES.flatMap(partner =>
    [false, true].flatMap(killed => (['off', 'on'] as const).map(state => ({ user, tenant, partner, killed, state }))))))

  it('covers every combination (3 × 3 × 3 overrides × killed × state)', () => {
    expect(cases).toHaveLength(108)
  })

  it.each(cases)('user $user, tenant $tenant, partner $partner, killed $killed, state $state', ({ user, tenant, partner, killed, state }) => {
    const set = compileFlagSet([
      flag('f', {
        killed,
        environments: {
          production: { state },
        },
        overrides: overrides(user, tenant, partner),
      }),
    ], [], 'production')
    const evaluation = set.evaluate('f', CONTEXT)!
    const want = expected(killed, user, tenant, partner, state)
    expect({ value: evaluation.value, decision: evaluation.decision, scope: evaluation.scope }).toEqual(want)
    expect(evaluation.scopeId).toBe(want.scope === null
      ? null
      : CONTEXT[want.scope === 'user'
        ? 'userId'
        : want.scope])
  })

  it('archived beats overrides but not the kill switch', () => {
    const rules = overrides(true, true, true)
    const archived = compileFlagSet([
      flag('f', {
        archived: true,
        environments: {
          production: { state: 'on' },
        },
        overrides: rules,
      }),
    ], [], 'production')
    expect(archived.evaluate('f', CONTEXT)).toMatchObject({ value: false, decision: 'archived' })
    const both = compileFlagSet([
      flag('f', { archived: true, killed: true, overrides: rules }),
    ], [], 'production')
    expect(both.evaluate('f', CONTEXT)).toMatchObject({ value: false, decision: 'killed' })
  })

  it('applies only the overrides of the set\'s environment', () => {
    const rules: FlagOverrideRule[] = [
      {
        environment: 'staging',
        scope: 'tenant',
        scopeId: 'acme',
        value: true,
      },
    ]
    const set = compileFlagSet([
      flag('f', {
        environments: {
          production: { state: 'off' },
        },
        overrides: rules,
      }),
    ], [], 'production')
    expect(set.evaluate('f', CONTEXT)).toMatchObject({ value: false, decision: 'off' })
  })

  it('matches an override only on the exact id of its scope', () => {
    const rules: FlagOverrideRule[] = [
      {
        environment: 'production',
        scope: 'tenant',
        scopeId: 'acme',
        value: true,
      },
    ]
    const set = compileFlagSet([
      flag('f', { overrides: rules }),
    ], [], 'production')
    expect(set.evaluate('f', { tenant: 'acme-2' })).toMatchObject({ decision: 'off' })
    // A user whose id happens to equal the tenant's slug is not that tenant.
    expect(set.evaluate('f', { userId: 'acme' })).toMatchObject({ decision: 'off' })
  })

  it('overrides beat a rollout and a targeted rule, and a dependency', () => {
    const rules: FlagOverrideRule[] = [
      {
        environment: 'production',
        scope: 'partner',
        scopeId: 'northwind',
        value: true,
      },
    ]
    const set = compileFlagSet([
      flag('rollout', {
        environments: {
          production: { state: 'rollout', rolloutPercent: 0 },
        },
        overrides: rules,
      }),
      flag('targeted', {
        environments: {
          production: { state: 'targeted', strategies: [] },
        },
        overrides: rules,
      }),
      flag('child', {
        dependencies: [
          { feature: 'missing', enabled: true },
        ],
        overrides: rules,
      }),
    ], [], 'production')
    for (const evaluation of set.evaluateAll(CONTEXT)) {
      expect(evaluation).toMatchObject({
        value: true,
        decision: 'override',
        scope: 'partner',
        scopeId: 'northwind',
      })
    }
  })
})
