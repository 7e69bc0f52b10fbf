#!/usr/bin/env node
// The root test command: every workspace package's `test` script, one after the other (two cores),
// all of them even when one fails, then one table and a last plain line `N passed, N failed` that CI
// can read. Exits non-zero when any test or any package's script failed.
import { spawn, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { parseFailedTests } from './lib/parse-failed-tests.mjs'
import { parseTestCounts } from './lib/parse-test-counts.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
/** Fast unit tests first, browser tests last: a broken contract shows up in seconds. */
const ORDER = [
  'scripts',
  'packages',
  'services',
  'infrastructure',
  'apps',
]
/** Enough of a package's output to hold its closing summary. */
const KEEP_CHARS = 200_000
/** Failed or flaky tests listed under the summary; more only say how many. */
const LIST_FAILED = 30

function workspacePackages() {
  const listed = spawnSync('pnpm', ['ls', '-r', '--depth', '-1', '--json'], { cwd: ROOT, encoding: 'utf8' })
  if (listed.status !== 0)
    throw new Error(`pnpm ls failed: ${listed.stderr}`)
  return JSON.parse(listed.stdout)
    .filter(pkg => pkg.path !== ROOT)
    .filter(pkg => JSON.parse(readFileSync(join(pkg.path, 'package.json'), 'utf8')).scripts?.test)
    .map(pkg => ({
      name: pkg.name,
      dir: relative(ROOT, pkg.path),
      command: 'pnpm',
      args: ['run', 'test'],
    }))
}

function scriptTests() {
  return readdirSync(join(ROOT, 'scripts', 'lib')).filter(file => file.endsWith('.test.mjs')).map(file => join('lib', file))
}

function rank(dir) {
  const index = ORDER.indexOf(dir.split('/')[0])
  return index === -1
    ? ORDER.length
    : index
}

/** Runs one package's tests, showing the output live and keeping its tail for the counts. */
function runTests({ dir, command, args }) {
  return new Promise((resolve) => {
    const started = Date.now()
    let output = ''
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-KEEP_CHARS)
    }
    const child = spawn(command, args, {
      cwd: join(ROOT, dir),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...(process.stdout.isTTY
          ? { FORCE_COLOR: '1' }
          : {}),
      },
    })
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk)
      keep(chunk)
    })
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk)
      keep(chunk)
    })
    child.on('error', (error) => {
      keep(error.message)
      resolve({ code: 127, output, ms: Date.now() - started })
    })
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output, ms: Date.now() - started }))
  })
}

function pad(text, width) {
  return String(text).padEnd(width)
}

/** The failed and flaky tests of every package, so they stand in the log's tail next to the counts. */
function printFailures(results) {
  const failures = results.flatMap(r => r.failures.map(f => ({ ...f, name: r.name })))
  if (failures.length === 0)
    return
  console.log('\n━━ Failed and flaky tests ━━')
  for (const f of failures.slice(0, LIST_FAILED)) {
    const label = f.kind === 'flaky'
      ? 'flaky '
      : 'FAILED'
    console.log(`  ${label} ${f.name} › ${f.test}`)
    if (f.error)
      console.log(`           ${f.error.slice(0, 300)}`)
  }
  if (failures.length > LIST_FAILED)
    console.log(`  … and ${failures.length - LIST_FAILED} more (see each package's output above)`)
}

async function main() {
  const suites = [
    {
      name: 'scripts',
      dir: 'scripts',
      command: process.execPath,
      // Files, not a directory: `node --test <dir>` works on Node 20 but not on 22.
      args: [
        '--test',
        ...scriptTests(),
      ],
    },
    ...workspacePackages(),
  ].sort((a, b) => rank(a.dir) - rank(b.dir) || a.dir.localeCompare(b.dir))

  const results = []
  for (const suite of suites) {
    console.log(`\n━━ ${suite.name} (${suite.dir}) ━━`)
    const { code, output, ms } = await runTests(suite)
    const counts = parseTestCounts(output)
    // A script that fails before any test ran (build error, missing browser) still fails the run.
    const crashed = code !== 0 && (!counts || counts.failed === 0)
    results.push({
      ...suite,
      code,
      ms,
      counts: counts ?? {
        passed: 0,
        failed: 0,
        skipped: 0,
        flaky: 0,
      },
      crashed,
      summarised: !!counts,
      failures: parseFailedTests(output),
    })
  }

  const total = {
    passed: 0,
    failed: 0,
    skipped: 0,
    flaky: 0,
  }
  console.log('\n━━ Test summary ━━')
  for (const r of results) {
    for (const key of Object.keys(total))
      total[key] += r.counts[key]
    if (r.crashed)
      total.failed += 1
    const note = r.crashed
      ? `FAILED: exit code ${r.code}${r.summarised ? '' : ', no test summary'} (counted as 1 failed)`
      : r.summarised
        ? (r.code === 0
            ? 'ok'
            : 'FAILED')
        : 'no tests reported'
    const extra = [r.counts.skipped && `${r.counts.skipped} skipped`, r.counts.flaky && `${r.counts.flaky} flaky`].filter(Boolean).join(', ')
    console.log(`  ${pad(r.name, 22)} ${pad(`${r.counts.passed} passed, ${r.counts.failed} failed${extra
      ? `, ${extra}`
      : ''}`, 36)} ${pad(`${(r.ms / 1000).toFixed(1)} s`, 8)} ${note}`)
  }
  printFailures(results)
  const extra = [total.skipped && `${total.skipped} skipped`, total.flaky && `${total.flaky} flaky`].filter(Boolean).join(', ')
  console.log(`\n${total.passed} passed, ${total.failed} failed${extra
    ? ` (${extra})`
    : ''}`)
  process.exitCode = total.failed > 0 || results.some(r => r.code !== 0)
    ? 1
    : 0
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
