import type { UnleashFeature } from '../types'
import { describe, expect, it } from 'vitest'
import { createUnleashEvaluator } from './create-unleash-evaluator'

function feature(name: string, fields: Partial<UnleashFeature> = {}): UnleashFeature {
  return {
    name,
    enabled: true,
    strategies: [
      { name: 'default' },
    ],
    ...fields,
  }
}

// What @unleash/client-specification does not pin down (the spec suite covers the rest).
describe('createUnleashEvaluator', () => {
  it('answers off and the disabled variant for an unknown feature', () => {
    const evaluator = createUnleashEvaluator({ features: [] })
    expect(evaluator.isEnabled('nope', {})).toBe(false)
    expect(evaluator.getVariant('nope', {})).toEqual({ name: 'disabled', enabled: false, feature_enabled: false })
  })

  it('never matches an unknown (custom) strategy but still tries the next one', () => {
    const evaluator = createUnleashEvaluator({
      features: [
        feature('custom-only', {
          strategies: [
            {
              name: 'myCustomStrategy',
              parameters: { anything: 'yes' },
            },
          ],
        }),
        feature('custom-then-default', {
          strategies: [
            { name: 'myCustomStrategy' },
            { name: 'default' },
          ],
        }),
      ],
    })
    expect(evaluator.isEnabled('custom-only', {})).toBe(false)
    expect(evaluator.isEnabled('custom-then-default', {})).toBe(true)
  })

  it('matches remoteAddress against addresses and IPv4 ranges', () => {
    const evaluator = createUnleashEvaluator({
      features: [
        feature('office', {
          strategies: [
            {
              name: 'remoteAddress',
              parameters: { IPs: '10.0.0.0/8, 192.168.1.7,2001:db8::1' },
            },
          ],
        }),
      ],
    })
    expect(evaluator.isEnabled('office', { remoteAddress: '10.20.30.40' })).toBe(true)
    expect(evaluator.isEnabled('office', { remoteAddress: '192.168.1.7' })).toBe(true)
    expect(evaluator.isEnabled('office', { remoteAddress: '2001:db8::1' })).toBe(true)
    expect(evaluator.isEnabled('office', { remoteAddress: '192.168.1.8' })).toBe(false)
    expect(evaluator.isEnabled('office', {})).toBe(false)
  })

  it('gives a fixed-weight variant its share: 100 % fixed wins for everyone', () => {
    const evaluator = createUnleashEvaluator({
      features: [
        feature('v', {
          variants: [
            { name: 'variable', weight: 500, weightType: 'variable' },
            { name: 'fixed', weight: 1000, weightType: 'fix' },
          ],
        }),
      ],
    })
    const names = new Set(Array.from({ length: 200 }, (_, index) => evaluator.getVariant('v', { userId: `u-${index}` }).name))
    expect(names).toEqual(new Set(['fixed']))
  })

  it('skips a disabled strategy', () => {
    const evaluator = createUnleashEvaluator({
      features: [
        feature('d', {
          strategies: [
            { name: 'default', disabled: true },
          ],
        }),
      ],
    })
    expect(evaluator.isEnabled('d', {})).toBe(false)
  })
})
