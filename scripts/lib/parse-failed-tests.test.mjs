import assert from 'node:assert/strict'
// scripts/ must run before anything is installed, so they are tested with Node's own runner.
// eslint-disable-next-line test/no-import-node-test
import { it } from 'node:test'
import { parseFailedTests } from './parse-failed-tests.mjs'

const VITEST = [
  ' ❯ a.test.ts (3 tests | 2 failed) 12ms',
  '     × fails 10ms',
  '',
  '\u001B[31m⎯⎯⎯⎯⎯⎯⎯\u001B[39m\u001B[1m\u001B[41m Failed Tests 2 \u001B[49m\u001B[22m',
  '',
  '\u001B[41m\u001B[1m FAIL \u001B[22m\u001B[49m a.test.ts\u001B[2m > \u001B[22msuite\u001B[2m > \u001B[22mfails',
  '\u001B[31mAssertionError: expected 1200 to be less than 1000\u001B[39m',
  ' ❯ a.test.ts:3:36',
  '',
  ' FAIL  a.test.ts > suite > throws',
  '',
  'Error: boom',
  'second line',
  '',
  '      Tests  2 failed | 1 passed (3)',
].join('\n')

it('names vitest failures with the first line of their error, colours removed', () => {
  assert.deepEqual(parseFailedTests(VITEST), [
    { kind: 'failed', test: 'a.test.ts > suite > fails', error: 'AssertionError: expected 1200 to be less than 1000' },
    { kind: 'failed', test: 'a.test.ts > suite > throws', error: 'Error: boom' },
  ])
})

it('names a vitest file that failed as a whole once', () => {
  const output = ' FAIL  b.test.ts [ b.test.ts ]\nError: Cannot find module \'x\'\n FAIL  b.test.ts [ b.test.ts ]\nError: Cannot find module \'x\''
  assert.deepEqual(parseFailedTests(output), [
    { kind: 'failed', test: 'b.test.ts [ b.test.ts ]', error: 'Error: Cannot find module \'x\'' },
  ])
})

it('names Playwright\'s failed and flaky tests from its closing lines', () => {
  const output = [
    '  1) e2e/a.spec.ts:3:1 › opens ────────',
    '    Error: expect(locator).toBeVisible() failed',
    '',
    '  1 failed',
    '    e2e/a.spec.ts:3:1 › opens',
    '  1 flaky',
    '    e2e/b.spec.ts:9:1 › saves',
    '  7 passed (21.4s)',
  ].join('\n')
  assert.deepEqual(parseFailedTests(output), [
    { kind: 'failed', test: 'e2e/a.spec.ts:3:1 › opens' },
    { kind: 'flaky', test: 'e2e/b.spec.ts:9:1 › saves' },
  ])
})

it('finds nothing in a run that passed', () => {
  assert.deepEqual(parseFailedTests('      Tests  12 passed (12)\n  21 passed (1.3m)'), [])
})
