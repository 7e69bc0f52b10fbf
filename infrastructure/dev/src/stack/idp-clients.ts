import type { IdpClient } from '@dezky/twins'
import type { StackPorts } from './ports'
import { defaultClients } from '@dezky/twins'
import { DEFAULT_PORTS } from './ports'

/** The twin's default clients with their redirect URIs moved to the ports this stack really uses. */
export function devClients(ports: StackPorts): IdpClient[] {
  const moved = new Map([
    [
      String(DEFAULT_PORTS.portal),
      String(ports.portal),
    ],
    [
      String(DEFAULT_PORTS.operator),
      String(ports.operator),
    ],
  ])
  const move = (uri: string) => {
    const url = new URL(uri)
    url.port = moved.get(url.port) ?? url.port
    return url.toString()
  }
  return defaultClients().map(client => ({
    ...client,
    redirectUris: client.redirectUris.map(move),
    postLogoutRedirectUris: client.postLogoutRedirectUris?.map(move),
  }))
}
