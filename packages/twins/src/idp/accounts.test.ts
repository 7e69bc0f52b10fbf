import { describe, expect, it } from 'vitest'
import { userJson } from '../authentik/serialize'
import { createAuthentikStore } from '../authentik/store'
import { amrFor, createAccountStore } from './accounts'
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users'

const store = createAccountStore(DEMO_USERS)

describe('account store', () => {
  it.each([
    ['ana.souza@dezky.dev', DEMO_PASSWORD, 'ana.souza@dezky.dev'],
    ['  Ana.Souza@DEZKY.dev ', DEMO_PASSWORD, 'ana.souza@dezky.dev'],
    ['ana.souza@dezky.dev', `${DEMO_PASSWORD} `, undefined],
    ['ana.souza@dezky.dev', '', undefined],
    ['nobody@dezky.dev', DEMO_PASSWORD, undefined],
  ])('authenticate(%j, %j) → %s', (login, password, expected) => {
    expect(store.authenticate(login, password)?.email).toBe(expected)
  })

  it('finds accounts by subject and exposes the profile claims', async () => {
    const [ana] = DEMO_USERS
    const account = await store.findAccount(undefined as never, ana!.subject)
    expect(await account?.claims('id_token', 'openid', {}, [])).toEqual({
      sub: ana!.subject,
      email: 'ana.souza@dezky.dev',
      email_verified: true,
      name: 'Ana Souza',
      preferred_username: 'ana.souza@dezky.dev',
      groups: ['operator:super_admin'],
    })
    expect(await store.findAccount(undefined as never, 'unknown')).toBeUndefined()
  })

  it('records a successful sign-in as the user\'s last_login, and only that', () => {
    const directory = createAuthentikStore(DEMO_USERS)
    const accounts = createAccountStore(directory)
    const ana = directory.userByLogin('ana.souza@dezky.dev')!
    const lastUpdated = ana.lastUpdated
    expect(ana.lastLogin).toBeNull()
    expect(accounts.authenticate('ana.souza@dezky.dev', 'wrong')).toBeUndefined()
    expect(ana.lastLogin).toBeNull()
    const before = Date.now()
    expect(accounts.authenticate('ana.souza@dezky.dev', DEMO_PASSWORD)).toBeDefined()
    expect(Date.parse(ana.lastLogin!)).toBeGreaterThanOrEqual(before)
    expect(ana.lastUpdated).toBe(lastUpdated)
    expect(userJson(directory, ana, { groups: false, roles: false }).last_login).toBe(ana.lastLogin)
  })

  it('records otp in amr only for MFA users', () => {
    expect(amrFor({ mfa: true })).toEqual(['pwd', 'otp'])
    expect(amrFor({ mfa: false })).toEqual(['pwd'])
  })

  it('refuses two users with the same login', () => {
    const [ana] = DEMO_USERS
    expect(() => createAccountStore([
      ana!,
      { ...ana!, subject: 'other' },
    ])).toThrow(/duplicate IdP user login/)
  })
})
