import { describe, expect, it } from 'vitest'
import { compileFlagSet } from '../src'
import { flag } from './fixtures/flag-definitions'

const IDS = 100_000
const TOLERANCE = 0.01

type Stickiness = 'default' | 'userId' | 'sessionId' | 'tenant'

/** The share of 100 000 distinct stickiness ids inside a rollout of `percent`. */
function share(percent: number, stickiness: Stickiness): number {
  const set = compileFlagSet([
    flag('dist.flag', {
      environments: {
        production: { state: 'rollout', rolloutPercent: percent, stickiness },
      },
    }),
  ], [], 'production')
  let enabled = 0
  for (let index = 0; index < IDS; index++) {
    const id = `${stickiness}-${index}`
    const context = stickiness === 'sessionId'
      ? { sessionId: id }
      : stickiness === 'tenant'
        ? { tenant: id }
        : { userId: id }
    if (set.evaluate('dist.flag', context)!.value)
      enabled++
  }
  return enabled / IDS
}

describe('rollout distribution', () => {
  const cases = [10, 25, 50, 90].flatMap(percent => ([
    'default',
    'userId',
    'sessionId',
    'tenant',
  ] as const).map(stickiness => ({ percent, stickiness })))

  it.each(cases)('$percent % with $stickiness stickiness is within ±1 % over 100 000 ids', ({ percent, stickiness }) => {
    const measured = share(percent, stickiness)
    console.info(`rollout ${percent} % (${stickiness}): ${(measured * 100).toFixed(2)} %`)
    expect(Math.abs(measured - percent / 100)).toBeLessThanOrEqual(TOLERANCE)
  })

  it('splits variants by weight within ±1 % over 100 000 users', () => {
    const variants = [
      { name: 'a', weight: 100 },
      { name: 'b', weight: 250 },
      { name: 'c', weight: 650 },
    ]
    const set = compileFlagSet([
      flag('dist.variants', {
        environments: {
          production: { state: 'on', variants },
        },
      }),
    ], [], 'production')
    const counts = new Map<string, number>()
    for (let index = 0; index < IDS; index++) {
      const name = set.evaluate('dist.variants', { userId: `user-${index}` })!.variant!.name
      counts.set(name, (counts.get(name) ?? 0) + 1)
    }
    console.info(`variants 10/25/65: ${variants.map(variant => `${variant.name} ${((counts.get(variant.name) ?? 0) / IDS * 100).toFixed(2)} %`).join(', ')}`)
    for (const variant of variants)
      expect(Math.abs((counts.get(variant.name) ?? 0) / IDS - variant.weight / 1000)).toBeLessThanOrEqual(TOLERANCE)
  })
})
