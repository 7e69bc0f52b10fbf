import type { CommandValues } from './twin-command'

/**
 * A string option, else its environment fallback; empty counts as unset (IDP_HOST= in a shell or a
 * compose file means "not set").
 *
 * @example
 * textOption(values, 'host', env.IDP_HOST) // undefined for '' and for both absent
 */
export function textOption(values: CommandValues, option: string, fallback: string | undefined): string | undefined {
  const value = values[option]
  return (typeof value === 'string'
    ? value
    : fallback) || undefined
}

/**
 * A non-negative integer option (ports, milliseconds), else its environment fallback; empty is unset.
 *
 * @example
 * integerOption(values, 'port', env.IDP_PORT) ?? 4010
 */
export function integerOption(values: CommandValues, option: string, fallback: string | undefined): number | undefined {
  const value = textOption(values, option, fallback)
  if (value === undefined)
    return undefined
  const parsed = Number(value)
  if (!Number.isSafeInteger(parsed) || parsed < 0)
    throw new Error(`--${option} must be a non-negative integer, got ${value}`)
  return parsed
}
