#!/usr/bin/env node
// Runs a root package.json script on a machine that has only Node ≥ 20 and npm, which is what the
// README's `npm start` / `npm test` promise. Plain ESM without dependencies: nothing is installed yet.
//
//   node scripts/bootstrap.mjs <script> [args...]
//
// 1. pnpm at the version of `packageManager` (the one on PATH, else through npx),
// 2. `pnpm install --frozen-lockfile` when node_modules is missing or behind pnpm-lock.yaml,
// 3. for test scripts, Debian's Chromium at /usr/bin/chromium (apt-get when running as root),
// 4. `pnpm run <script>`, whose exit code becomes ours.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { constants } from 'node:os'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const WINDOWS = process.platform === 'win32'

function log(message) {
  console.log(`[bootstrap] ${message}`)
}

function fail(message) {
  console.error(`[bootstrap] ${message}`)
  process.exit(1)
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`
}

/** Runs a command to completion with inherited stdio; exits with its status when it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    shell: WINDOWS,
    ...options,
  })
  if (result.error)
    fail(`${command} could not start: ${result.error.message}`)
  if (result.status !== 0)
    fail(`${[command, ...args].join(' ')} failed (${result.status ?? result.signal})`)
}

function checkNode() {
  const major = Number(process.versions.node.split('.')[0])
  if (major < 20)
    fail(`Node ${process.versions.node} is too old: install Node 20 or newer (the scripts then run on the Node 22 that pnpm installs).`)
}

function wantedPnpm() {
  const { packageManager = '' } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  const version = /^pnpm@(\d+\.\d+\.\d+)/.exec(packageManager)?.[1]
  if (!version)
    fail(`package.json has no "packageManager": "pnpm@x.y.z" (found "${packageManager}")`)
  return version
}

/** The pnpm to call: the one on PATH when its version matches, else npx fetches that exact version. */
function findPnpm(version) {
  const found = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: WINDOWS })
  const onPath = found.status === 0
    ? found.stdout.trim()
    : undefined
  if (onPath === version)
    return { command: 'pnpm', prefix: [] }
  log(`pnpm ${version} is not on PATH (${onPath
    ? `found ${onPath}`
    : 'none found'}): running it through npx`)
  // npx puts its pnpm first on PATH for everything it starts, so nested `pnpm` calls in scripts match.
  return {
    command: 'npx',
    prefix: ['--yes', `pnpm@${version}`],
  }
}

/** pnpm keeps a copy of the lockfile it installed in node_modules/.pnpm/lock.yaml. */
function needsInstall() {
  const wanted = join(ROOT, 'pnpm-lock.yaml')
  const installed = join(ROOT, 'node_modules', '.pnpm', 'lock.yaml')
  if (!existsSync(installed))
    return 'node_modules is missing'
  if (statSync(installed).mtimeMs >= statSync(wanted).mtimeMs)
    return undefined
  // A checkout touches the lockfile without changing it; only a different content needs an install.
  return readFileSync(installed, 'utf8') === readFileSync(wanted, 'utf8')
    ? undefined
    : 'pnpm-lock.yaml changed'
}

function ensureChromium() {
  if (existsSync(CHROMIUM))
    return
  const root = process.getuid?.() === 0
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
  if (!root || !apt) {
    fail([
      `The browser tests need Chromium at ${CHROMIUM} and it is missing.`,
      apt
        ? 'Install it with:  sudo apt-get update && sudo apt-get install -y chromium'
        : 'Install Chromium with your package manager, then point CHROMIUM_PATH at its binary.',
      'Then run the tests again.',
    ].join('\n'))
  }
  const started = Date.now()
  log('installing Chromium with apt-get (the browser tests use it)')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  run('apt-get', ['update'], { env })
  run('apt-get', ['install', '-y', 'chromium'], { env })
  if (!existsSync(CHROMIUM))
    fail(`apt-get installed chromium but ${CHROMIUM} is still missing`)
  log(`Chromium installed in ${seconds(started)}`)
}

function main() {
  const [script, ...args] = process.argv.slice(2)
  if (!script)
    fail('usage: node scripts/bootstrap.mjs <package.json script> [args...]')
  checkNode()
  const pnpm = findPnpm(wantedPnpm())

  const reason = needsInstall()
  if (reason) {
    const started = Date.now()
    log(`${reason}: pnpm install --frozen-lockfile`)
    run(pnpm.command, [...pnpm.prefix, 'install', '--frozen-lockfile'])
    log(`installed in ${seconds(started)}`)
  }
  if (script.startsWith('test'))
    ensureChromium()

  const child = spawn(pnpm.command, [
    ...pnpm.prefix,
    'run',
    script,
    ...args,
  ], { cwd: ROOT, stdio: 'inherit', shell: WINDOWS })
  // A terminal's Ctrl-C reaches the whole foreground process group, pnpm included; passing SIGINT on
  // as well would make pnpm see a second one and kill its script instead of letting it shut down.
  // Without a terminal (a supervisor signalling this pid only) it must be passed on.
  const forward = signal => () => {
    if (signal !== 'SIGINT' || !process.stdin.isTTY)
      child.kill(signal)
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, forward(signal))
  child.on('error', error => fail(`${pnpm.command} could not start: ${error.message}`))
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 1)))
}

main()
