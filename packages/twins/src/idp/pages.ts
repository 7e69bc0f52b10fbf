import type { IdpUser } from './demo-users'

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, char => `&#${char.charCodeAt(0)};`)
}

// Inline styles only: the twin runs on closed networks, so nothing may load from elsewhere.
const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f6f8;color:#1f2933;margin:0}
main{max-width:24rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px #0003}
label{display:block;margin-top:1rem;font-weight:600}input{box-sizing:border-box;width:100%;padding:.5rem;margin-top:.25rem;font:inherit}
button{margin-top:1.5rem;width:100%;padding:.6rem;font:inherit;font-weight:600;color:#fff;background:#0e7490;border:0;border-radius:.25rem;cursor:pointer}
[role=alert]{padding:.75rem;background:#fde8e8;color:#9b1c1c;border-radius:.25rem}details{margin-top:2rem;font-size:.875rem}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.25rem;border-bottom:1px solid #e4e7eb}`

export function page(title: string, body: string, head = ''): string {
  return `<!DOCTYPE html>
<html lang="pt-BR">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Dezky IdP (twin)</title>
<style>${STYLE}</style>${head}
</head>
<body><main>${body}</main></body>
</html>`
}

export interface LoginPageInput {
  action: string
  login?: string
  error?: string
  users: readonly IdpUser[]
  /** Shown next to the account list when every account shares it (the demo password). */
  sharedPassword?: string
}

export function loginPage({ action, login = '', error, users, sharedPassword }: LoginPageInput): string {
  const alert = error
    ? `<p role="alert" id="login-error">${escapeHtml(error)}</p>`
    : ''
  const described = error ? ' aria-describedby="login-error" aria-invalid="true"' : ''
  const rows = users.map(user => `<tr><td>${escapeHtml(user.username)}</td><td>${escapeHtml(user.groups.join(', '))}</td><td>${user.mfa ? 'sim' : 'não'}</td></tr>`).join('\n')
  return page('Entrar', `<h1>Entrar</h1>
${alert}
<form method="post" action="${escapeHtml(action)}">
<label for="login">E-mail ou usuário</label>
<input id="login" name="login" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus value="${escapeHtml(login)}"${described}>
<label for="password">Senha</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${described}>
<button type="submit">Entrar</button>
</form>
<details>
<summary>Contas de demonstração</summary>
${sharedPassword
  ? `<p>Senha de todas: <code>${escapeHtml(sharedPassword)}</code></p>`
  : ''}
<table><thead><tr><th scope="col">Usuário</th><th scope="col">Grupos</th><th scope="col">MFA</th></tr></thead>
<tbody>${rows}</tbody></table>
</details>`)
}

/**
 * Replaces oidc-provider's "Do you want to sign out?" prompt: the form (which carries the xsrf token) is
 * submitted with `logout=yes` as soon as it loads, so a client's logout ends the whole IdP session the
 * way Authentik's invalidation flow does.
 */
export function autoLogoutPage(form: string): string {
  const confirmed = form.replace('</form>', '<input type="hidden" name="logout" value="yes"><noscript><button type="submit">Sair</button></noscript></form>')
  return page('Saindo', `<h1>Saindo…</h1>${confirmed}
<script>document.forms[0].submit()</script>`)
}

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`)
}
