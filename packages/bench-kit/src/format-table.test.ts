import type { CompareInput } from './compare'
import { describe, expect, it } from 'vitest'
import { compare } from './compare'
import { formatTable } from './format-table'

function row(input: Partial<CompareInput> & Pick<CompareInput, 'rounds'>) {
  return compare({
    name: 'BFF vs API',
    unit: 'req/s',
    labels: { baseline: 'API', candidate: 'BFF' },
    ...input,
  })
}

describe('formatTable', () => {
  it('pads every column to its widest cell and marks a missed goal', () => {
    const table = formatTable([
      row({
        rounds: {
          baseline: [6126.4],
          candidate: [2870],
        },
        goal: { comparison: '>=', ratio: 0.6 },
      }),
      row({
        name: 'gzip JS',
        unit: 'KiB',
        rounds: {
          baseline: [65.71],
          candidate: [117.2],
        },
      }),
    ])
    expect(table.split('\n')).toEqual([
      'benchmark   baseline     candidate    ratio  goal      result',
      '----------  -----------  -----------  -----  --------  ------',
      'BFF vs API  6,126 req/s  2,870 req/s  0.47×  >= 0.6×   FAIL',
      'gzip JS     65.7 KiB     117 KiB      1.78×  reported  pass',
    ])
  })

  it('names the sides when asked, and lists checks and notes', () => {
    const table = formatTable([
      row({
        rounds: {
          baseline: [200],
          candidate: [100],
        },
        goal: { comparison: '>=', ratio: 0.35 },
        checks: { jwksFetchesInLoop: 0 },
        notes: [
          {
            label: 'floor',
            rounds: [50],
          },
        ],
      }),
    ], { labels: true })
    expect(table.split('\n')).toEqual([
      'benchmark   baseline         candidate        ratio  goal      result',
      '----------  ---------------  ---------------  -----  --------  ------------------------',
      'BFF vs API  200 req/s (API)  100 req/s (BFF)  0.50×  >= 0.35×  pass jwksFetchesInLoop=0',
      '',
      'note (BFF vs API): floor: 50.0 req/s, 0.25× the baseline',
    ])
  })
})
