import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Interaction, Provider } from 'oidc-provider'
import type { AccountStore } from './accounts'
import type { IdpUser } from './demo-users'
import { errors } from 'oidc-provider'
import { amrFor } from './accounts'
import { DEMO_PASSWORD } from './demo-users'
import { loginPage, messagePage } from './pages'

export interface InteractionRoutesInput {
  /** A getter: rotating keys swaps the provider, while interactions in flight must keep working. */
  provider: () => Provider
  accounts: AccountStore
  users: readonly IdpUser[]
}

const MAX_FORM_BYTES = 16 * 1024

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = ''
  for await (const chunk of req) {
    body += chunk
    if (body.length > MAX_FORM_BYTES)
      throw new errors.InvalidRequest('form too large')
  }
  return new URLSearchParams(body)
}

function send(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  res.end(body)
}

/**
 * Authentik's implicit-consent flow: whatever the client asked for is granted without a screen, because
 * Dezky's clients are first-party.
 */
async function grantConsent(provider: Provider, interaction: Interaction): Promise<string> {
  const { prompt: { details }, params, session, grantId } = interaction
  const grant = (grantId && await provider.Grant.find(grantId))
    || new provider.Grant({
      accountId: session?.accountId,
      clientId: String(params.client_id),
    })
  const missingScope = details.missingOIDCScope as string[] | undefined
  const missingClaims = details.missingOIDCClaims as string[] | undefined
  const missingResourceScopes = details.missingResourceScopes as Record<string, string[]> | undefined
  if (missingScope)
    grant.addOIDCScope(missingScope.join(' '))
  if (missingClaims)
    grant.addOIDCClaims(missingClaims)
  for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {}))
    grant.addResourceScope(indicator, scopes.join(' '))
  return grant.save()
}

/** Handles `/interaction/:uid` (login form or automatic consent) and `POST /interaction/:uid/login`. */
export function createInteractionRoutes({ provider, accounts, users }: InteractionRoutesInput) {
  const sharedPassword = users.every(user => user.password === DEMO_PASSWORD)
    ? DEMO_PASSWORD
    : undefined

  async function route(req: IncomingMessage, res: ServerResponse, path: string[]) {
    const [uid, action] = path
    const interaction = await provider().interactionDetails(req, res)
    // The cookie names the interaction; a URL naming another one means a stale or forged form.
    if (interaction.uid !== uid)
      throw new errors.SessionNotFound('interaction mismatch')
    const loginAction = `/interaction/${interaction.uid}/login`

    if (req.method === 'GET' && action === undefined && interaction.prompt.name === 'login') {
      const hint = typeof interaction.params.login_hint === 'string'
        ? interaction.params.login_hint
        : undefined
      return send(res, 200, loginPage({
        action: loginAction,
        login: hint,
        users,
        sharedPassword,
      }))
    }
    if (req.method === 'GET' && action === undefined && interaction.prompt.name === 'consent') {
      const grantId = await grantConsent(provider(), interaction)
      return provider().interactionFinished(req, res, {
        consent: { grantId },
      }, { mergeWithLastSubmission: true })
    }
    if (req.method === 'POST' && action === 'login' && interaction.prompt.name === 'login') {
      const form = await readForm(req)
      const login = form.get('login') ?? ''
      const user = accounts.authenticate(login, form.get('password') ?? '')
      if (!user) {
        const error = 'E-mail/usuário ou senha incorretos.'
        return send(res, 401, loginPage({
          action: loginAction,
          login,
          error,
          users,
          sharedPassword,
        }))
      }
      const result = {
        login: {
          accountId: user.subject,
          amr: amrFor(user),
        },
      }
      return provider().interactionFinished(req, res, result, { mergeWithLastSubmission: false })
    }
    send(res, 404, messagePage('Não encontrado', 'Esta etapa de login não existe.'))
  }

  return async function handleInteraction(req: IncomingMessage, res: ServerResponse, path: string[]): Promise<void> {
    try {
      await route(req, res, path)
    }
    catch (error) {
      if (error instanceof errors.SessionNotFound)
        return send(res, 400, messagePage('Login expirado', 'Esta tentativa de login expirou. Volte ao aplicativo e entre de novo.'))
      if (error instanceof errors.InvalidRequest)
        return send(res, 400, messagePage('Pedido inválido', error.error_description ?? error.message))
      console.error('[idp] interaction failed', error)
      if (!res.headersSent)
        send(res, 500, messagePage('Erro', 'Falha inesperada no login.'))
    }
  }
}
