import { describe, expect, it } from 'vitest'
import { DEMO_USERS } from './demo-users'
import { autoLogoutPage, escapeHtml, loginPage } from './pages'

describe('login and logout pages', () => {
  it.each([
    ['<script>', '&#60;script&#62;'],
    ['"x" & \'y\'', '&#34;x&#34; &#38; &#39;y&#39;'],
    ['ana@acme.example', 'ana@acme.example'],
  ])('escapeHtml(%j) → %j', (input, output) => {
    expect(escapeHtml(input)).toBe(output)
  })

  it('keeps what the user typed, escaped, and ties the error to the inputs', () => {
    const html = loginPage({
      action: '/interaction/u/login',
      login: '"><img src=x>',
      error: 'Senha incorreta',
      users: DEMO_USERS,
    })
    expect(html).toContain('value="&#34;&#62;&#60;img src=x&#62;"')
    expect(html).toContain('<p role="alert" id="login-error">Senha incorreta</p>')
    expect(html.match(/aria-describedby="login-error"/g)).toHaveLength(2)
    expect(html).not.toContain('Senha de todas')
  })

  it('submits the logout form with logout=yes on load', () => {
    const html = autoLogoutPage('<form id="op.logoutForm" method="post" action="/session/end/confirm"><input type="hidden" name="xsrf" value="abc"/></form>')
    expect(html).toMatch(/name="xsrf" value="abc"\/><input type="hidden" name="logout" value="yes">.*<\/form>/s)
    expect(html).toContain('document.forms[0].submit()')
  })
})
