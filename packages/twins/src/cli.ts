#!/usr/bin/env tsx
import type { TwinCommand } from './cli/twin-command'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { allCommand } from './cli/all-command'
import { idpCommand } from './cli/idp-command'
import { ocisCommand } from './cli/ocis-command'
import { smtpCommand } from './cli/smtp-command'
import { stalwartCommand } from './cli/stalwart-command'

const COMMANDS: readonly TwinCommand[] = [
  idpCommand,
  stalwartCommand,
  ocisCommand,
  smtpCommand,
  allCommand,
]

const USAGE = `Usage: tsx src/cli.ts <twin> [options]

Twins (each also serves /__twin/faults, /__twin/writes, /__twin/drift and /__twin/state):
${COMMANDS.map(command => `  ${command.name.padEnd(10)} ${command.summary}`).join('\n')}

\`tsx src/cli.ts <twin> --help\` lists a twin's options. Ctrl-C stops it.`

function usageOf(command: TwinCommand): string {
  return `Usage: tsx src/cli.ts ${command.name} [options]

${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.

Options (environment fallback in brackets):
${command.usage}`
}

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv
  const command = COMMANDS.find(candidate => candidate.name === name)
  if (!command) {
    const help = name === '--help' || name === '-h'
    if (name !== undefined && !help)
      console.error(`unknown twin: ${name}`)
    console.log(USAGE)
    process.exitCode = help
      ? 0
      : 1
    return
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      ...command.options,
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(usageOf(command))
    return
  }

  const running = await command.start(values, process.env)
  console.log(running.lines.join('\n'))

  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping)
      return
    stopping = true
    console.log(`${command.name} stopping on ${signal}`)
    running.stop().then(() => process.exit(0), (error) => {
      console.error(error)
      process.exit(1)
    })
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => shutdown(signal))
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error
    ? error.message
    : error)
  process.exit(1)
})
