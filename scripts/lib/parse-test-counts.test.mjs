import assert from 'node:assert/strict'
// scripts/ must run before anything is installed, so they are tested with Node's own runner.
// eslint-disable-next-line test/no-import-node-test
import { it } from 'node:test'
import { parseTestCounts } from './parse-test-counts.mjs'

const cases = [
  [
    'vitest all passed',
    ' Test Files  3 passed (3)\n      Tests  12 passed (12)\n   Duration  2.1s',
    {
      passed: 12,
      failed: 0,
      skipped: 0,
      flaky: 0,
    },
  ],
  [
    'vitest with failures and skips',
    '      Tests  2 failed | 10 passed | 1 skipped (13)',
    {
      passed: 10,
      failed: 2,
      skipped: 1,
      flaky: 0,
    },
  ],
  [
    'vitest coloured',
    '\u001B[2m      Tests \u001B[22m \u001B[1m\u001B[32m1 passed\u001B[39m\u001B[22m\u001B[90m (1)\u001B[39m',
    {
      passed: 1,
      failed: 0,
      skipped: 0,
      flaky: 0,
    },
  ],
  [
    'vitest then playwright in one package',
    '      Tests  42 passed (42)\n   Duration  3s\nRunning 22 tests using 1 worker\n  1 flaky\n  21 passed (1.3m)',
    {
      passed: 63,
      failed: 0,
      skipped: 0,
      flaky: 1,
    },
  ],
  [
    'playwright',
    '  1 failed\n    [chromium] › a.spec.ts:3:1 › x\n  1 flaky\n  7 passed (21.4s)',
    {
      passed: 7,
      failed: 1,
      skipped: 0,
      flaky: 1,
    },
  ],
  [
    'playwright did not run',
    '  2 interrupted\n  3 did not run\n  1 passed (3s)',
    {
      passed: 1,
      failed: 2,
      skipped: 3,
      flaky: 0,
    },
  ],
  [
    'node --test',
    'ℹ tests 5\nℹ pass 4\nℹ fail 1\nℹ skipped 0',
    {
      passed: 4,
      failed: 1,
      skipped: 0,
      flaky: 0,
    },
  ],
  ['no summary', 'echo tested elsewhere\ntested elsewhere', undefined],
]

for (const [name, output, expected] of cases) {
  it(name, () => {
    assert.deepEqual(parseTestCounts(output), expected)
  })
}
