// Reads the closing lines of vitest, Playwright and `node --test` from a test run's output, so the
// root test command can add up all packages without changing any package's reporter settings.

// eslint-disable-next-line no-control-regex -- ANSI colour codes are exactly what must be removed
const ANSI = /\u001B\[[0-9;]*[A-Z]/gi

/**
 * A reporter's output as plain lines, colour codes removed.
 *
 * @param {string} output
 * @returns {string[]} its lines
 */
export function plainLines(output) {
  return output.replace(ANSI, '').split(/\r?\n/)
}

/**
 * @typedef {{ passed: number, failed: number, skipped: number, flaky: number }} TestCounts
 */

/**
 * Counts from the summary lines of `output`, or undefined when it holds none.
 *
 * @param {string} output
 * @returns {TestCounts | undefined} the counts, or undefined without a summary line
 * @example
 * parseTestCounts('      Tests  1 failed | 11 passed (12)') // { passed: 11, failed: 1, skipped: 0, flaky: 0 }
 * parseTestCounts('  3 passed (4.2s)\n  1 flaky') // { passed: 3, failed: 0, skipped: 0, flaky: 1 }
 */
export function parseTestCounts(output) {
  const lines = plainLines(output)
  const counts = {
    passed: 0,
    failed: 0,
    skipped: 0,
    flaky: 0,
  }
  let found = false
  const add = (kind, n) => {
    found = true
    if (kind === 'passed')
      counts.passed += n
    else if (kind === 'failed' || kind === 'interrupted')
      counts.failed += n
    else if (kind === 'flaky')
      counts.flaky += n
    else
      counts.skipped += n
  }

  // vitest: "      Tests  2 failed | 10 passed | 1 skipped (13)", one per run. A package may run vitest and
  // then Playwright (the portal: unit tests, then the browser suite), so both kinds are added up.
  for (const line of lines.filter(line => /^\s*Tests\s+\d/.test(line))) {
    for (const [, n, kind] of line.matchAll(/(\d+) (passed|failed|skipped|todo)/g))
      add(kind, Number(n))
  }
  // Playwright's list/line reporters end with one count per line: "  3 passed (4.2s)", "  1 failed".
  for (const line of lines) {
    const match = /^\s*(\d+) (passed|failed|flaky|skipped|did not run|interrupted)\b/.exec(line)
    if (match)
      add(match[2], Number(match[1]))
  }
  if (found)
    return counts
  // node --test: "ℹ pass 4" / "ℹ fail 0" / "ℹ skipped 0".
  for (const line of lines) {
    const match = /^\S*\s*(pass|fail|skipped|todo) (\d+)$/.exec(line.trim())
    if (match)
      add({ pass: 'passed', fail: 'failed' }[match[1]] ?? 'skipped', Number(match[2]))
  }
  return found ? counts : undefined
}
