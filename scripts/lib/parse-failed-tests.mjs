// Names the tests that failed (or were flaky) in a test run's output, each with the first line of its
// error where the reporter prints one, so the root summary can list them last: CI keeps only the tail of
// a long log, and a failure in an early package would otherwise scroll out of it.

import { plainLines } from './parse-test-counts.mjs'

/**
 * @typedef {{ kind: 'failed' | 'flaky', test: string, error?: string }} FailedTest
 */

/**
 * The failed and flaky tests named in `output`, in the order the reporters list them, without repeats.
 *
 * @param {string} output
 * @returns {FailedTest[]} one entry per test
 * @example
 * parseFailedTests(' FAIL  a.test.ts > suite > fails\nAssertionError: expected 2 to be 1')
 * // [{ kind: 'failed', test: 'a.test.ts > suite > fails', error: 'AssertionError: expected 2 to be 1' }]
 */
export function parseFailedTests(output) {
  const lines = plainLines(output)
  /** @type {FailedTest[]} */
  const found = []
  const seen = new Set()
  const add = (entry) => {
    const key = `${entry.kind} ${entry.test}`
    if (seen.has(key))
      return
    seen.add(key)
    found.push(entry)
  }

  lines.forEach((line, index) => {
    // vitest's "Failed Tests" section: " FAIL  file > suite > test", then the error's first line.
    const vitest = /^ FAIL {2}(.+\S)\s*$/.exec(line)
    if (vitest) {
      const error = lines.slice(index + 1).find(next => next.trim() !== '')?.trim()
      add({
        kind: 'failed',
        test: vitest[1],
        ...(error && !error.startsWith('FAIL')
          ? { error }
          : {}),
      })
    }
  })

  // Playwright's list/line reporters close with "  1 failed" (or "  1 flaky"), then each such test on a
  // line of its own, indented by four.
  for (let index = 0; index < lines.length; index++) {
    const heading = /^\s{2}\d+ (failed|flaky)\s*$/.exec(lines[index])
    if (!heading)
      continue
    for (let next = index + 1; next < lines.length; next++) {
      const test = /^\s{4}(\S.*\S)\s*$/.exec(lines[next])
      if (!test)
        break
      add({ kind: /** @type {'failed' | 'flaky'} */ (heading[1]), test: test[1] })
    }
  }
  return found
}
