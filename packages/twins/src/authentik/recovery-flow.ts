import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AuthentikStore } from './store'
import { randomBytes } from 'node:crypto'
import { escapeHtml, messagePage, page } from '../idp/pages'

export const RECOVERY_FLOW_PATH = '/if/flow/default-recovery-flow/'

// Authentik's recovery links default to a 30-minute token (`token_duration` "minutes=30").
const TOKEN_TTL_MS = 30 * 60 * 1000
const MAX_FORM_BYTES = 16 * 1024

function send(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  res.end(body)
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = ''
  for await (const chunk of req) {
    body += chunk
    if (body.length > MAX_FORM_BYTES)
      break
  }
  return new URLSearchParams(body)
}

function formPage(token: string, username: string, error?: string): string {
  const alert = error
    ? `<p role="alert">${escapeHtml(error)}</p>`
    : ''
  return page('Nova senha', `<h1>Nova senha</h1><p>${escapeHtml(username)}</p>${alert}
<form method="post" action="${RECOVERY_FLOW_PATH}?flow_token=${encodeURIComponent(token)}">
<label for="password">Nova senha</label>
<input id="password" name="password" type="password" autocomplete="new-password" required autofocus>
<button type="submit">Salvar</button>
</form>`)
}

/**
 * A stand-in for Authentik's default recovery flow: `/core/users/{id}/recovery/` hands out a link with a
 * one-time flow token; opening it shows a password form, and posting it sets the password. Tests can take
 * the flow off the brand (`setConfigured(false)`), as on a fresh Authentik, which ships none.
 */
export function createRecoveryFlow(store: AuthentikStore, origin: () => string) {
  const tokens = new Map<string, { pk: number, expiresAt: number }>()
  let configured = true
  return {
    setConfigured(value: boolean): void {
      configured = value
    },
    link(pk: number): string | undefined {
      if (!configured)
        return undefined
      const token = randomBytes(24).toString('base64url')
      tokens.set(token, { pk, expiresAt: Date.now() + TOKEN_TTL_MS })
      return `${origin()}${RECOVERY_FLOW_PATH}?flow_token=${token}`
    },
    async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
      const token = url.searchParams.get('flow_token') ?? ''
      const held = tokens.get(token)
      const user = held && held.expiresAt > Date.now()
        ? store.user(held.pk)
        : undefined
      if (!user)
        return send(res, 404, messagePage('Link inválido', 'Este link de recuperação expirou ou já foi usado.'))
      if (req.method !== 'POST')
        return send(res, 200, formPage(token, user.username))
      const password = (await readForm(req)).get('password') ?? ''
      if (!password)
        return send(res, 400, formPage(token, user.username, 'Informe a nova senha.'))
      store.updateUser(user.pk, { password })
      tokens.delete(token)
      send(res, 200, messagePage('Senha alterada', 'Sua senha foi alterada. Já pode entrar.'))
    },
  }
}

export type RecoveryFlow = ReturnType<typeof createRecoveryFlow>
