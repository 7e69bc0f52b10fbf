import { describe, expect, it } from 'vitest'
import { nuxt } from '../../test/nuxt-stubs'
import { useShellNav } from './useShellNav'

const PORTAL_NAV = [
  { key: 'dashboard', to: '/t/:tenant', labelKey: 'x' },
  { key: 'users', to: '/t/:tenant/users', labelKey: 'x' },
  { key: 'customers', to: '/p/:partner', labelKey: 'x' },
  { key: 'branding', to: '/p/:partner/branding', labelKey: 'x' },
  { key: 'account', to: '/account', labelKey: 'x' },
]

describe('useShellNav', () => {
  it.each([
    [
      '/t/acme',
      { tenant: 'acme' },
      ['dashboard:/t/acme', 'users:/t/acme/users', 'account:/account'],
      'dashboard',
    ],
    [
      '/t/acme/users',
      { tenant: 'acme' },
      ['dashboard:/t/acme', 'users:/t/acme/users', 'account:/account'],
      'users',
    ],
    [
      '/t/acme/users/u1/',
      { tenant: 'acme' },
      ['dashboard:/t/acme', 'users:/t/acme/users', 'account:/account'],
      'users',
    ],
    [
      '/p/rio',
      { partner: 'rio' },
      ['customers:/p/rio', 'branding:/p/rio/branding', 'account:/account'],
      'customers',
    ],
    [
      '/p/rio/customers/new',
      { partner: 'rio' },
      ['customers:/p/rio', 'branding:/p/rio/branding', 'account:/account'],
      'customers',
    ],
    [
      '/account',
      {},
      ['account:/account'],
      'account',
    ],
    [
      '/elsewhere',
      {},
      ['account:/account'],
      undefined,
    ],
  ])('%s', (path, params, expected, active) => {
    Object.assign(nuxt.route, { path, params })
    nuxt.appConfig.shell.nav = PORTAL_NAV
    const nav = useShellNav().value
    expect(nav.map(item => `${item.key}:${item.to}`)).toEqual(expected)
    expect(nav.filter(item => item.active).map(item => item.key)).toEqual(active
      ? [active]
      : [])
  })

  it('falls back to the layer\'s pages when the app configures none; / is active only on /', () => {
    Object.assign(nuxt.route, { path: '/tenants', params: {} })
    expect(useShellNav().value).toEqual([
      {
        key: 'me',
        to: '/',
        labelKey: 'shell.nav.me',
        active: false,
      },
      {
        key: 'tenants',
        to: '/tenants',
        labelKey: 'shell.nav.tenants',
        active: true,
      },
    ])
  })

  it('encodes parameters', () => {
    Object.assign(nuxt.route, {
      path: '/t/a%2Fb',
      params: { tenant: 'a/b' },
    })
    nuxt.appConfig.shell.nav = [PORTAL_NAV[0]!]
    expect(useShellNav().value[0]!.to).toBe('/t/a%2Fb')
  })
})
