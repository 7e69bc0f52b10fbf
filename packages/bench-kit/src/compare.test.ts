import type { CompareInput } from './compare'
import { describe, expect, it } from 'vitest'
import { compare, comparePairs } from './compare'

const labels = { baseline: 'API directly', candidate: 'through the BFF' }

function row(baseline: number[], candidate: number[], extra: Partial<CompareInput> = {}) {
  return compare({
    name: 'BFF vs API',
    unit: 'req/s',
    labels,
    rounds: { baseline, candidate },
    ...extra,
  })
}

describe('compare', () => {
  it('divides the candidate\'s median by the baseline\'s, keeping every round', () => {
    const result = row([100, 900, 110], [40, 60, 1])
    expect(result.baseline).toEqual({
      label: 'API directly',
      median: 110,
      rounds: [100, 900, 110],
    })
    expect(result.candidate).toEqual({
      label: 'through the BFF',
      median: 40,
      rounds: [40, 60, 1],
    })
    expect(result.ratio).toBeCloseTo(40 / 110)
  })

  it.each([
    {
      comparison: '>=' as const,
      goal: 0.6,
      candidate: 60,
      pass: true,
    },
    {
      comparison: '>=' as const,
      goal: 0.6,
      candidate: 59,
      pass: false,
    },
    {
      comparison: '<=' as const,
      goal: 1.15,
      candidate: 115,
      pass: true,
    },
    {
      comparison: '<=' as const,
      goal: 1.15,
      candidate: 116,
      pass: false,
    },
  ])('$candidate against 100 with a goal $comparison $goal× → pass $pass', ({ comparison, goal, candidate, pass }) => {
    expect(row([100], [candidate], {
      goal: { comparison, ratio: goal },
    }).pass).toBe(pass)
  })

  it('passes a reported row whatever its ratio', () => {
    const result = row([100], [1])
    expect(result.goal).toBeUndefined()
    expect(result.pass).toBe(true)
  })

  it('fails a row whose checks do not hold even when the ratio meets the goal', () => {
    const result = row([100], [200], {
      goal: { comparison: '>=', ratio: 0.8 },
      checks: { jwksFetchesInLoop: 2 },
      checksPass: false,
    })
    expect(result.pass).toBe(false)
    expect(result.checks).toEqual({ jwksFetchesInLoop: 2 })
  })

  it('gives each note its median and its ratio to the baseline', () => {
    const result = row([100, 300, 200], [1], {
      notes: [
        {
          label: 'floor',
          rounds: [50, 10, 30],
        },
      ],
    })
    expect(result.notes).toEqual([
      {
        label: 'floor',
        median: 30,
        rounds: [50, 10, 30],
        ratio: 0.15,
      },
    ])
  })
})

describe('comparePairs', () => {
  it('makes each row from the two contestants it names, in the same rounds', () => {
    const row = comparePairs(
      {
        api: [300, 100],
        proxy: [200, 200],
        bff: [100, 100],
      },
      { api: 'API directly', proxy: 'bare proxy', bff: 'BFF' },
      'req/s',
    )
    const bffVsProxy = row('BFF vs proxy', 'proxy', 'bff')
    expect(bffVsProxy).toMatchObject({
      name: 'BFF vs proxy',
      unit: 'req/s',
      baseline: {
        label: 'bare proxy',
        median: 200,
        rounds: [200, 200],
      },
      candidate: {
        label: 'BFF',
        median: 100,
        rounds: [100, 100],
      },
      ratio: 0.5,
      pass: true,
    })
    expect(bffVsProxy.goal).toBeUndefined()
    expect(row('BFF vs API', 'api', 'bff', { comparison: '>=', ratio: 0.6 }).pass).toBe(false)
  })
})
