import type { ParseArgsOptionsConfig } from 'node:util'

/** The option values `parseArgs` returns for a command's options. */
export type CommandValues = Record<string, string | boolean | undefined>

export interface RunningTwins {
  /** What to print once listening: URLs, credentials, the platform API's settings. */
  lines: string[]
  stop: () => Promise<void>
}

/** One subcommand of `dezky-twins`: its options, their usage text and how to start it. */
export interface TwinCommand {
  name: string
  summary: string
  /** The option lines of the usage text, environment fallbacks in brackets. */
  usage: string
  options: ParseArgsOptionsConfig
  start: (values: CommandValues, env: NodeJS.ProcessEnv) => Promise<RunningTwins>
}
