import type { AppProcess } from '../apps/spawn-app'
import type { DevSecrets } from './dev-secrets'
import type { StackPorts } from './ports'
import { dirname, join } from 'node:path'
import { styleText } from 'node:util'
import { spawnApp } from '../apps/spawn-app'
import { oidcOverrides } from './oidc-overrides'

export const APPS = {
  portal: { dir: 'apps/portal', color: 'cyan' },
  operator: { dir: 'apps/operator', color: 'magenta' },
} as const
export type AppName = keyof typeof APPS

export interface StartAppsOptions {
  names: readonly AppName[]
  root: string
  ports: StackPorts
  apiUrl: string
  issuer: string
  secrets: DevSecrets
  write: (line: string) => void
}

export interface StartedApp extends AppProcess {
  url: string
}

/** `nuxt dev` for each app, run by the Node that runs the stack (Node 22 from node_modules). */
export function startApps({ names, root, ports, apiUrl, issuer, secrets, write }: StartAppsOptions): StartedApp[] {
  const colour = process.stdout.isTTY
  return names.map((name) => {
    const cwd = join(root, APPS[name].dir)
    const started = spawnApp({
      name,
      command: join(cwd, 'node_modules', '.bin', 'nuxt'),
      args: [
        'dev',
        '--port',
        String(ports[name]),
      ],
      cwd,
      env: {
        ...process.env,
        // pnpm's bin shims call the first `node` on PATH.
        PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
        ...(colour
          ? { FORCE_COLOR: '1' }
          : {}),
        NUXT_PLATFORM_API_URL: apiUrl,
        ...secrets[name],
        ...oidcOverrides(name, ports, issuer),
      },
      write,
      prefix: colour
        ? styleText(APPS[name].color, `[${name}]`)
        : `[${name}]`,
    })
    return { ...started, url: `http://localhost:${ports[name]}/` }
  })
}
