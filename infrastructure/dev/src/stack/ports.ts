import { createServer } from 'node:net'

export interface StackPorts {
  idp: number
  api: number
  portal: number
  operator: number
  stalwart: number
  ocis: number
  smtp: number
  /** The SMTP twin's HTTP side: the page listing captured mail. */
  smtpWeb: number
}

/**
 * The ports the apps' nuxt.config and the IdP twin's default clients are written for, and fixed ones
 * for the other twins so their URLs can be bookmarked.
 */
export const DEFAULT_PORTS: StackPorts = {
  idp: 4010,
  api: 4000,
  portal: 3000,
  operator: 3001,
  stalwart: 4020,
  ocis: 4030,
  smtp: 2525,
  smtpWeb: 4040,
}

const PORT_ENV_NAMES: Record<keyof StackPorts, string> = {
  idp: 'DEZKY_IDP_PORT',
  api: 'DEZKY_API_PORT',
  portal: 'DEZKY_PORTAL_PORT',
  operator: 'DEZKY_OPERATOR_PORT',
  stalwart: 'DEZKY_STALWART_PORT',
  ocis: 'DEZKY_OCIS_PORT',
  smtp: 'DEZKY_SMTP_PORT',
  smtpWeb: 'DEZKY_SMTP_WEB_PORT',
}

/** Defaults, each replaceable through `DEZKY_<NAME>_PORT` when another program holds it. */
export function stackPorts(env: NodeJS.ProcessEnv = process.env): StackPorts {
  const ports = { ...DEFAULT_PORTS }
  for (const key of Object.keys(PORT_ENV_NAMES) as (keyof StackPorts)[]) {
    const value = env[PORT_ENV_NAMES[key]]
    if (!value)
      continue
    const port = Number(value)
    if (!Number.isSafeInteger(port) || port < 1 || port > 65535)
      throw new Error(`${PORT_ENV_NAMES[key]} must be a port number, got ${value}`)
    ports[key] = port
  }
  return ports
}

function probe(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)))
  })
}

/**
 * Fails before anything starts when a port is taken. `nuxt dev` would silently move to the next free
 * port, where the IdP's redirect URIs no longer match and a readiness check would ask whoever holds it.
 */
export async function assertPortsFree(ports: StackPorts, keys: readonly (keyof StackPorts)[]): Promise<void> {
  const taken: string[] = []
  for (const key of keys) {
    // Nuxt listens on every address, the API and the twins on 127.0.0.1: check both.
    if (!await probe(ports[key]) || !await probe(ports[key], '127.0.0.1'))
      taken.push(`${key} ${ports[key]} (set ${PORT_ENV_NAMES[key]} to move it)`)
  }
  if (taken.length)
    throw new Error(`ports in use: ${taken.join(', ')}. Is another dev stack running? \`ss -ltnp\` shows who holds them.`)
}
