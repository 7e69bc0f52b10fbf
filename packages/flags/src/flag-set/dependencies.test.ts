import type { TFlagDependency } from '@dezky/contracts'
import { describe, expect, it } from 'vitest'
import { flag } from '../../test/fixtures/flag-definitions'
import { compileFlagSet } from './compile-flag-set'

const on = {
  production: { state: 'on' as const },
}
const off = {
  production: { state: 'off' as const },
}
function needs(feature: string, extra: Partial<TFlagDependency> = {}): TFlagDependency[] {
  return [
    { feature, enabled: true, ...extra },
  ]
}

describe('dependencies', () => {
  it('needs the parent on; a parent off (or unknown) turns the child off with `parent` set', () => {
    const set = compileFlagSet([
      flag('parent-on', { environments: on }),
      flag('parent-off', { environments: off }),
      flag('a', {
        environments: on,
        dependencies: needs('parent-on'),
      }),
      flag('b', {
        environments: on,
        dependencies: needs('parent-off'),
      }),
      flag('c', {
        environments: on,
        dependencies: needs('nowhere'),
      }),
    ], [], 'production')
    expect(set.evaluate('a', {})).toMatchObject({ value: true, decision: 'on', parent: null })
    expect(set.evaluate('b', {})).toMatchObject({ value: false, decision: 'dependency', parent: 'parent-off' })
    expect(set.evaluate('c', {})).toMatchObject({ value: false, decision: 'dependency', parent: 'nowhere' })
  })

  it('with `enabled: false` needs the parent off', () => {
    const set = compileFlagSet([
      flag('legacy', { environments: off }),
      flag('modern', { environments: on }),
      flag('fallback', {
        environments: on,
        dependencies: needs('legacy', { enabled: false }),
      }),
      flag('blocked', {
        environments: on,
        dependencies: needs('modern', { enabled: false }),
      }),
    ], [], 'production')
    expect(set.evaluate('fallback', {})).toMatchObject({ value: true, decision: 'on' })
    expect(set.evaluate('blocked', {})).toMatchObject({ value: false, decision: 'dependency', parent: 'modern' })
  })

  it('with `variants` needs the parent to have given one of them', () => {
    const variants = [
      { name: 'blue', weight: 1000 },
    ]
    const set = compileFlagSet([
      flag('theme', {
        environments: {
          production: { state: 'on', variants },
        },
      }),
      flag('blue-only', {
        environments: on,
        dependencies: needs('theme', {
          variants: ['blue'],
        }),
      }),
      flag('red-only', {
        environments: on,
        dependencies: needs('theme', {
          variants: ['red'],
        }),
      }),
    ], [], 'production')
    expect(set.evaluate('blue-only', {})).toMatchObject({ value: true })
    expect(set.evaluate('red-only', {})).toMatchObject({ value: false, parent: 'theme' })
  })

  it('evaluates the parent with the same context, its overrides and kill switch included', () => {
    const set = compileFlagSet([
      flag('parent', {
        environments: off,
        overrides: [
          {
            environment: 'production',
            scope: 'tenant',
            scopeId: 'acme',
            value: true,
          },
        ],
      }),
      flag('killed-parent', { environments: on, killed: true }),
      flag('child', {
        environments: on,
        dependencies: needs('parent'),
      }),
      flag('orphan', {
        environments: on,
        dependencies: needs('killed-parent'),
      }),
    ], [], 'production')
    expect(set.evaluate('child', { tenant: 'acme' })).toMatchObject({ value: true })
    expect(set.evaluate('child', { tenant: 'globex' })).toMatchObject({ value: false, parent: 'parent' })
    expect(set.evaluate('orphan', { tenant: 'acme' })).toMatchObject({ value: false, parent: 'killed-parent' })
  })

  it('follows chains of any depth (unlike Unleash, which resolves one level)', () => {
    const chain = (rootState: 'on' | 'off') => compileFlagSet([
      flag('d', {
        environments: on,
        dependencies: needs('c'),
      }),
      flag('c', {
        environments: on,
        dependencies: needs('b'),
      }),
      flag('b', {
        environments: on,
        dependencies: needs('a'),
      }),
      flag('a', {
        environments: {
          production: { state: rootState },
        },
      }),
    ], [], 'production')
    expect(chain('on').evaluate('d', {})).toMatchObject({ value: true })
    expect(chain('off').evaluate('d', {})).toMatchObject({ value: false, parent: 'c' })
    expect(chain('off').evaluateAll({}).map(evaluation => evaluation.parent)).toEqual(['c', 'b', 'a', null])
  })

  it('treats a cycle as unsatisfied for every flag on it, whichever is asked first, and terminates', () => {
    const set = compileFlagSet([
      flag('self', {
        environments: on,
        dependencies: needs('self'),
      }),
      flag('ping', {
        environments: on,
        dependencies: needs('pong'),
      }),
      flag('pong', {
        environments: on,
        dependencies: needs('ping', { enabled: false }),
      }),
      flag('x', {
        environments: on,
        dependencies: needs('y'),
      }),
      flag('y', {
        environments: on,
        dependencies: needs('z'),
      }),
      flag('z', {
        environments: on,
        dependencies: needs('x'),
      }),
      flag('downstream', {
        environments: on,
        dependencies: needs('pong', { enabled: false }),
      }),
    ], [], 'production')
    expect(set.evaluate('self', {})).toMatchObject({ value: false, decision: 'dependency', parent: 'self' })
    expect(set.evaluate('ping', {})).toMatchObject({ value: false, parent: 'pong' })
    expect(set.evaluate('pong', {})).toMatchObject({ value: false, parent: 'ping' })
    expect(set.evaluate('z', {})).toMatchObject({ value: false, parent: 'x' })
    // Not on the cycle: depends on pong's (off) answer like on any other parent's.
    expect(set.evaluate('downstream', {})).toMatchObject({ value: true, decision: 'on' })
    const all = set.evaluateAll({})
    expect(all.map(evaluation => evaluation.key)).toEqual(set.keys)
    expect(all.map(evaluation => evaluation.value)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ])
  })

  it('evaluates a shared parent once per evaluateAll (a random rollout cannot disagree with itself)', () => {
    const set = compileFlagSet([
      flag('coin', {
        environments: {
          production: { state: 'rollout', rolloutPercent: 50, stickiness: 'random' },
        },
      }),
      flag('heads', {
        environments: on,
        dependencies: needs('coin'),
      }),
      flag('tails', {
        environments: on,
        dependencies: needs('coin', { enabled: false }),
      }),
    ], [], 'production')
    const seen = new Set<boolean>()
    for (let round = 0; round < 200; round++) {
      const [coin, heads, tails] = set.evaluateAll({})
      seen.add(coin!.value)
      expect(heads!.value).toBe(coin!.value)
      expect(tails!.value).toBe(!coin!.value)
    }
    expect(seen).toEqual(new Set([true, false]))
  })
})
