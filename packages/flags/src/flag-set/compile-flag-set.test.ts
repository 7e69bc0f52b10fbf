import type { UnleashSegment } from '../types'
import { describe, expect, it } from 'vitest'
import { flag } from '../../test/fixtures/flag-definitions'
import { compileFlagSet } from './compile-flag-set'

const plan = (...values: string[]) => ({ contextName: 'plan', operator: 'IN' as const, values })

describe('compileFlagSet', () => {
  it('keeps the flags\' order and answers undefined for an unknown key', () => {
    const set = compileFlagSet([
      flag('b'),
      flag('a'),
    ], [], 'production')
    expect(set.keys).toEqual(['b', 'a'])
    expect(set.environment).toBe('production')
    expect(set.evaluate('nope', {})).toBeUndefined()
  })

  it('answers off in an environment the flag has no rule for, and in an unknown environment', () => {
    const flags = [
      flag('f', {
        environments: {
          development: { state: 'on' },
        },
      }),
    ]
    expect(compileFlagSet(flags, [], 'production').evaluate('f', {})).toMatchObject({ value: false, decision: 'off' })
    expect(compileFlagSet(flags, [], 'moon').evaluateAll({})).toMatchObject([
      { value: false, decision: 'off' },
    ])
    expect(compileFlagSet(flags, [], 'development').evaluate('f', {})).toMatchObject({ value: true, decision: 'on' })
  })

  it('evaluates an empty context without throwing: rollouts fall back to random, constraints fail', () => {
    const set = compileFlagSet([
      flag('all', {
        environments: {
          production: { state: 'rollout', rolloutPercent: 100 },
        },
      }),
      flag('none', {
        environments: {
          production: { state: 'rollout', rolloutPercent: 0 },
        },
      }),
      flag('tenant-sticky', {
        environments: {
          production: { state: 'rollout', rolloutPercent: 100, stickiness: 'tenant' },
        },
      }),
      flag('targeted', {
        environments: {
          production: {
            state: 'targeted',
            strategies: [
              {
                name: 'default',
                constraints: [
                  plan('business'),
                ],
              },
            ],
          },
        },
      }),
    ], [], 'production')
    const [all, none, tenantSticky, targeted] = set.evaluateAll({})
    expect(all).toMatchObject({ value: true, decision: 'rollout' })
    expect(all!.bucket).toBeGreaterThanOrEqual(1)
    expect(none).toMatchObject({ value: false, decision: 'rollout', bucket: null })
    // No tenant to hash: not in a tenant-sticky rollout (Unleash: a missing stickiness field is "not in").
    expect(tenantSticky).toMatchObject({ value: false, bucket: null })
    expect(targeted).toMatchObject({ value: false, decision: 'targeted', strategyIndex: null })
  })

  it('gives the bucket of Unleash\'s hash with the flag key as group', () => {
    const set = compileFlagSet([
      flag('gr1', {
        environments: {
          production: { state: 'rollout', rolloutPercent: 73, stickiness: 'userId' },
        },
      }),
    ], [], 'production')
    expect(set.evaluate('gr1', { userId: '123' })).toMatchObject({ value: true, bucket: 73 })
    const tighter = compileFlagSet([
      flag('gr1', {
        environments: {
          production: { state: 'rollout', rolloutPercent: 72, stickiness: 'userId' },
        },
      }),
    ], [], 'production')
    expect(tighter.evaluate('gr1', { userId: '123' })).toMatchObject({ value: false, bucket: 73 })
  })

  it('matches targeted strategies in order, with segments, and reports the matching index', () => {
    const segments: UnleashSegment[] = [
      {
        id: 7,
        constraints: [
          {
            contextName: 'tenant',
            operator: 'IN',
            values: ['acme'],
          },
        ],
      },
    ]
    const set = compileFlagSet([
      flag('t', {
        environments: {
          production: {
            state: 'targeted',
            strategies: [
              {
                name: 'userWithId',
                parameters: { userIds: 'u-9' },
              },
              {
                name: 'default',
                constraints: [
                  plan('enterprise'),
                ],
              },
              {
                name: 'default',
                segments: [7],
                constraints: [
                  plan('business'),
                ],
              },
              {
                name: 'default',
                segments: [99],
              },
            ],
          },
        },
      }),
    ], segments, 'production')
    expect(set.evaluate('t', { userId: 'u-9' })).toMatchObject({ value: true, strategyIndex: 0 })
    expect(set.evaluate('t', {
      properties: { plan: 'enterprise' },
    })).toMatchObject({ value: true, strategyIndex: 1 })
    expect(set.evaluate('t', {
      tenant: 'acme',
      properties: { plan: 'business' },
    })).toMatchObject({ value: true, strategyIndex: 2 })
    expect(set.evaluate('t', {
      tenant: 'globex',
      properties: { plan: 'business' },
    })).toMatchObject({ value: false, strategyIndex: null })
  })

  it('never lets a caller-sent `tenant` property stand in for the principal\'s tenant', () => {
    const set = compileFlagSet([
      flag('t', {
        environments: {
          production: {
            state: 'targeted',
            strategies: [
              {
                name: 'default',
                constraints: [
                  {
                    contextName: 'tenant',
                    operator: 'IN',
                    values: ['acme'],
                  },
                ],
              },
            ],
          },
        },
      }),
    ], [], 'production')
    expect(set.evaluate('t', {
      tenant: 'globex',
      properties: { tenant: 'acme' },
    })).toMatchObject({ value: false })
    expect(set.evaluate('t', {
      properties: { tenant: 'acme' },
    })).toMatchObject({ value: false })
    expect(set.evaluate('t', { tenant: 'acme' })).toMatchObject({ value: true })
  })

  it('gives variants only to an enabled flag, the matched strategy\'s first, else the environment\'s', () => {
    const set = compileFlagSet([
      flag('v', {
        environments: {
          production: {
            state: 'targeted',
            variants: [
              {
                name: 'flag-wide',
                weight: 1000,
                payload: { type: 'string', value: 'x' },
              },
            ],
            strategies: [
              {
                name: 'default',
                constraints: [
                  plan('business'),
                ],
                variants: [
                  { name: 'business-only', weight: 1000 },
                ],
              },
              {
                name: 'default',
                constraints: [
                  plan('starter'),
                ],
              },
            ],
          },
        },
      }),
      flag('off', {
        environments: {
          production: {
            state: 'off',
            variants: [
              { name: 'never', weight: 1000 },
            ],
          },
        },
      }),
    ], [], 'production')
    expect(set.evaluate('v', {
      properties: { plan: 'business' },
    })!.variant).toEqual({ name: 'business-only' })
    expect(set.evaluate('v', {
      properties: { plan: 'starter' },
    })!.variant).toEqual({
      name: 'flag-wide',
      payload: { type: 'string', value: 'x' },
    })
    expect(set.evaluate('v', {
      properties: { plan: 'enterprise' },
    })!.variant).toBeNull()
    expect(set.evaluate('off', {})!.variant).toBeNull()
  })

  it('keeps a whole tenant on one variant when the rollout is tenant-sticky', () => {
    const variants = [
      { name: 'a', weight: 500 },
      { name: 'b', weight: 500 },
    ]
    const set = compileFlagSet([
      flag('v', {
        environments: {
          production: {
            state: 'rollout',
            rolloutPercent: 100,
            stickiness: 'tenant',
            variants,
          },
        },
      }),
    ], [], 'production')
    const names = new Set(Array.from({ length: 50 }, (_, index) => set.evaluate('v', { tenant: 'acme', userId: `u-${index}` })!.variant!.name))
    expect(names.size).toBe(1)
  })

  it('treats a disabled strategy as never matching, keeping the others\' indexes', () => {
    const set = compileFlagSet([
      flag('t', {
        environments: {
          production: {
            state: 'targeted',
            strategies: [
              { name: 'default', disabled: true },
              {
                name: 'userWithId',
                parameters: { userIds: 'u-1' },
              },
            ],
          },
        },
      }),
    ], [], 'production')
    expect(set.evaluate('t', { userId: 'u-1' })).toMatchObject({ value: true, strategyIndex: 1 })
    expect(set.evaluate('t', { userId: 'u-2' })).toMatchObject({ value: false })
  })
})
