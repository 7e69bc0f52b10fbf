import type { TShellNavItem } from '../../composables/useShellNav'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import { nuxt } from '../../../test/nuxt-stubs'
import { i18n } from '../../../test/setup'
import ShellHeader from './ShellHeader.vue'
import ShellLocaleSwitch from './ShellLocaleSwitch.vue'
import ShellSidebar from './ShellSidebar.vue'
import ShellUserMenu from './ShellUserMenu.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

describe('shellHeader', () => {
  it.each([
    [null, 'Rio Hosting', false],
    ['https://cdn.rio.test/logo.svg', '', true],
  ])('logo %s', (logoUrl, text, hasLogo) => {
    nuxt.runtimeConfig.public.brand = { productName: 'Rio Hosting', logoUrl }
    const wrapper = mount(ShellHeader)
    const home = wrapper.find('[data-testid="product-name"]')
    expect(home.text()).toBe(text)
    expect(home.find('img').exists()).toBe(hasLogo)
    if (hasLogo)
      expect(home.find('img').attributes()).toMatchObject({ src: logoUrl, alt: 'Rio Hosting' })
  })

  it('the menu button controls the sidebar and says whether it is open', async () => {
    const wrapper = mount({ template: '<div><ShellHeader /><ShellSidebar /></div>' }, { attachTo: document.body })
    const toggle = wrapper.find('[data-testid="sidebar-toggle"]')
    expect(toggle.attributes('aria-controls')).toBe('dz-sidebar')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    expect(toggle.text()).toContain('Menu')
    expect(wrapper.find('#dz-sidebar').classes()).toContain('hidden')
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(wrapper.find('#dz-sidebar').classes()).not.toContain('hidden')
    await wrapper.find('#dz-sidebar a').trigger('keydown', { key: 'Escape' })
    expect(toggle.attributes('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(toggle.element)
  })

  it('signed out: no menu button, no user menu, a language choice', () => {
    nuxt.loggedIn.value = false
    const wrapper = mount(ShellHeader)
    expect(wrapper.find('[data-testid="sidebar-toggle"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="user-menu"]').exists()).toBe(false)
    expect(wrapper.find('select').exists()).toBe(true)
  })
})

describe('shellSidebar', () => {
  it('is the labelled main navigation; the active link has aria-current="page"', async () => {
    Object.assign(nuxt.route, {
      path: '/t/acme/users',
      params: { tenant: 'acme' },
    })
    nuxt.appConfig.shell.nav = [
      { key: 'dashboard', to: '/t/:tenant', labelKey: 'shell.nav.me' },
      { key: 'users', to: '/t/:tenant/users', labelKey: 'shell.nav.tenants' },
      { key: 'branding', to: '/p/:partner/branding', labelKey: 'shell.nav.tenants' },
    ]
    i18n.global.locale.value = 'pt-BR'
    const wrapper = mount(ShellSidebar)
    expect(wrapper.attributes('aria-label')).toBe('Principal')
    const links = wrapper.findAll('a')
    expect(links.map(link => [
      link.attributes('href'),
      link.text(),
      link.attributes('aria-current'),
    ])).toEqual([
      ['/t/acme', 'Quem é você', undefined],
      ['/t/acme/users', 'Suas empresas', 'page'],
    ])
    await links[0]!.trigger('click')
    expect(nuxt.navigateTo).toHaveBeenCalledWith('/t/acme')
  })

  it('closes (small screens) when the route changes', async () => {
    const wrapper = mount({ template: '<div><ShellHeader /><ShellSidebar /></div>' })
    await wrapper.find('[data-testid="sidebar-toggle"]').trigger('click')
    nuxt.route.path = '/tenants'
    await nextTick()
    await nextTick()
    expect(wrapper.find('[data-testid="sidebar-toggle"]').attributes('aria-expanded')).toBe('false')
  })
})

// The portal's rules (apps/portal/app/app.config.ts), which mirror the API's capability table.
const ROLE_NAV: TShellNavItem[] = [
  { key: 'dashboard', to: '/t/:tenant', labelKey: 'shell.nav.me' },
  {
    key: 'users',
    to: '/t/:tenant/users',
    labelKey: 'shell.nav.me',
    visibleTo: {
      tenant: ['owner', 'admin'],
      partner: ['partner_admin', 'partner_agent'],
      operator: [
        'super_admin',
        'ops_lead',
        'technician',
        'noc',
      ],
    },
  },
  {
    key: 'tenant-branding',
    to: '/t/:tenant/branding',
    labelKey: 'shell.nav.me',
    visibleTo: {
      tenant: ['owner', 'admin'],
      partner: ['partner_admin'],
      operator: ['super_admin', 'ops_lead', 'technician'],
    },
  },
  { key: 'customers', to: '/p/:partner', labelKey: 'shell.nav.me' },
  {
    key: 'partner-branding',
    to: '/p/:partner/branding',
    labelKey: 'shell.nav.me',
    visibleTo: {
      partner: ['partner_admin'],
      operator: ['super_admin', 'ops_lead'],
    },
  },
  { key: 'account', to: '/account', labelKey: 'shell.nav.me' },
]
function member(operatorRole: string | null, tenants: Array<[string, string]>, partners: Array<[string, string]>) {
  return {
    operatorRole,
    tenants: tenants.map(([slug, role]) => ({ slug, role })),
    partners: partners.map(([slug, role]) => ({ slug, role, name: slug })),
  }
}

/** The sidebar on `path`, for `me`, with the tenant brands the loader has fetched (which name their partner). */
function renderRoleNav(path: string, me: unknown, brands: Record<string, string | null> = { acme: 'rio' }) {
  const [, kind, slug] = path.split('/')
  Object.assign(nuxt.route, {
    path,
    params: kind === 't'
      ? { tenant: slug }
      : kind === 'p'
        ? { partner: slug }
        : {},
  })
  nuxt.appConfig.shell.nav = ROLE_NAV
  nuxt.fetchAnswers.set('/api/me', { data: me })
  nuxt.states.set('dz-brand', ref({
    cache: Object.fromEntries(Object.entries(brands).map(([tenant, partnerSlug]) => [
      `tenant:${tenant}`,
      { productName: null, partnerSlug },
    ])),
    current: null,
  }))
  return mount(ShellSidebar)
}
const shownKeys = (wrapper: ReturnType<typeof mount>) => wrapper.findAll('a').map(link => link.attributes('data-testid')!.replace('nav-', ''))

describe('shellSidebar: items by role', () => {
  it.each([
    [
      'a member of the tenant',
      member(null, [
        ['acme', 'member'],
      ], []),
      ['dashboard', 'account'],
    ],
    [
      'billing',
      member(null, [
        ['acme', 'billing'],
      ], []),
      ['dashboard', 'account'],
    ],
    [
      'an owner',
      member(null, [
        ['acme', 'owner'],
      ], []),
      [
        'dashboard',
        'users',
        'tenant-branding',
        'account',
      ],
    ],
    [
      'an admin',
      member(null, [
        ['acme', 'admin'],
      ], []),
      [
        'dashboard',
        'users',
        'tenant-branding',
        'account',
      ],
    ],
    [
      'a member here, an owner elsewhere',
      member(null, [
        ['beta', 'owner'],
        ['acme', 'member'],
      ], []),
      ['dashboard', 'account'],
    ],
    [
      'the tenant\'s partner admin',
      member(null, [], [
        ['rio', 'partner_admin'],
      ]),
      [
        'dashboard',
        'users',
        'tenant-branding',
        'account',
      ],
    ],
    [
      'the tenant\'s partner agent',
      member(null, [], [
        ['rio', 'partner_agent'],
      ]),
      ['dashboard', 'users', 'account'],
    ],
    [
      'another partner\'s admin',
      member(null, [], [
        ['sul', 'partner_admin'],
      ]),
      ['dashboard', 'account'],
    ],
    [
      'a member whose partner role is elsewhere',
      member(null, [
        ['acme', 'member'],
      ], [
        ['sul', 'partner_admin'],
      ]),
      ['dashboard', 'account'],
    ],
    [
      'a read-only operator',
      member('noc', [], []),
      ['dashboard', 'users', 'account'],
    ],
    [
      'a technician',
      member('technician', [], []),
      [
        'dashboard',
        'users',
        'tenant-branding',
        'account',
      ],
    ],
    [
      'not known yet (before /api/me answers)',
      null,
      ['dashboard', 'account'],
    ],
  ])('/t/acme/users, %s', (_, me, expected) => {
    expect(shownKeys(renderRoleNav('/t/acme/users', me))).toEqual(expected)
  })

  it.each([
    [
      'its admin',
      member(null, [], [
        ['rio', 'partner_admin'],
      ]),
      ['customers', 'partner-branding', 'account'],
    ],
    [
      'its agent',
      member(null, [], [
        ['rio', 'partner_agent'],
      ]),
      ['customers', 'account'],
    ],
    [
      'an admin of another partner',
      member(null, [], [
        ['sul', 'partner_admin'],
      ]),
      ['customers', 'account'],
    ],
    [
      'an ops lead',
      member('ops_lead', [], []),
      ['customers', 'partner-branding', 'account'],
    ],
  ])('/p/rio, %s', (_, me, expected) => {
    expect(shownKeys(renderRoleNav('/p/rio', me))).toEqual(expected)
  })

  it('a partner role counts on a tenant only once its brand names the partner: a tenant the user cannot see shows no more than one that does not exist', () => {
    const partnerAdmin = member(null, [], [
      ['rio', 'partner_admin'],
    ])
    const hidden = shownKeys(renderRoleNav('/t/someone-elses', partnerAdmin))
    expect(hidden).toEqual(['dashboard', 'account'])
    expect(shownKeys(renderRoleNav('/t/no-such-tenant', partnerAdmin, {}))).toEqual(hidden)
  })

  it('a tenant sold directly (no partner): partner roles grant nothing there, its own roles do', () => {
    expect(shownKeys(renderRoleNav('/t/initech/users', member(null, [], [
      ['rio', 'partner_admin'],
    ]), { initech: null }))).toEqual(['dashboard', 'account'])
    expect(shownKeys(renderRoleNav('/t/initech/users', member(null, [
      ['initech', 'admin'],
    ], [
      ['rio', 'partner_admin'],
    ]), { initech: null })))
      .toEqual([
        'dashboard',
        'users',
        'tenant-branding',
        'account',
      ])
  })

  it('keeps a partner\'s items while the tenant\'s brand is fetched again (after a branding change)', async () => {
    const wrapper = renderRoleNav('/t/acme/branding', member(null, [], [
      ['rio', 'partner_admin'],
    ]))
    expect(shownKeys(wrapper)).toContain('tenant-branding')
    const brand = nuxt.states.get('dz-brand') as ReturnType<typeof ref<{ cache: Record<string, unknown> }>>
    brand.value!.cache = {}
    await nextTick()
    expect(shownKeys(wrapper)).toContain('tenant-branding')
    expect(wrapper.find('[data-testid="nav-tenant-branding"]').attributes('aria-current')).toBe('page')
  })

  it('the list is busy while ruled items wait for /api/me; not after it answered or failed', () => {
    expect(renderRoleNav('/t/acme', null).find('ul').attributes('aria-busy')).toBe('true')
    expect(renderRoleNav('/t/acme', member(null, [
      ['acme', 'owner'],
    ], [])).find('ul').attributes('aria-busy')).toBeUndefined()
    nuxt.fetchAnswers.set('/api/me', {
      error: { statusCode: 401 },
    })
    const failed = mount(ShellSidebar)
    expect(failed.find('ul').attributes('aria-busy')).toBeUndefined()
    expect(shownKeys(failed)).toEqual(['dashboard', 'account'])
  })

  it('outside an area a role held anywhere counts; /api/me is asked only when an item has a rule', () => {
    nuxt.appConfig.shell.nav = [
      { key: 'account', to: '/account', labelKey: 'shell.nav.me' },
      {
        key: 'audit',
        to: '/audit',
        labelKey: 'shell.nav.me',
        visibleTo: {
          tenant: ['owner'],
          operator: ['super_admin'],
        },
      },
    ] as TShellNavItem[]
    Object.assign(nuxt.route, { path: '/account', params: {} })
    nuxt.fetchAnswers.set('/api/me', {
      data: member(null, [
        ['beta', 'member'],
        ['acme', 'owner'],
      ], []),
    })
    expect(shownKeys(mount(ShellSidebar))).toEqual(['account', 'audit'])
    nuxt.fetchAnswers.set('/api/me', {
      data: member(null, [
        ['acme', 'member'],
      ], []),
    })
    expect(shownKeys(mount(ShellSidebar))).toEqual(['account'])
    expect(nuxt.fetchCalls.map(call => call.url)).toEqual(['/api/me', '/api/me'])

    nuxt.fetchCalls.length = 0
    nuxt.appConfig.shell.nav = [
      { key: 'account', to: '/account', labelKey: 'shell.nav.me' },
    ]
    expect(shownKeys(mount(ShellSidebar))).toEqual(['account'])
    expect(nuxt.fetchCalls).toEqual([])
  })
})

describe('shellUserMenu', () => {
  it('keeps the details/summary menu, the user name and the sign-out link', async () => {
    nuxt.user.value = {
      claims: { name: 'Ana Souza' },
    }
    const wrapper = mount(ShellUserMenu)
    expect(wrapper.find('[data-testid="user-menu"]').element.tagName).toBe('DETAILS')
    expect(wrapper.find('summary').text()).toBe('Account: Ana Souza')
    expect(wrapper.find('[data-testid="user-name"]').text()).toBe('Ana Souza')
    expect(wrapper.find('[data-testid="sign-out"]').attributes('href')).toBe('/auth/logout')
    expect(wrapper.find('[data-testid="sign-out"]').text()).toBe('Sign out')
  })
})

describe('shellLocaleSwitch', () => {
  it('switches the language', async () => {
    const wrapper = mount(ShellLocaleSwitch)
    expect(wrapper.find('label').text()).toContain('Language')
    expect(wrapper.findAll('option').map(option => option.text())).toEqual(['English', 'Português (Brasil)'])
    await wrapper.find('select').setValue('pt-BR')
    await flushPromises()
    expect(i18n.global.locale.value).toBe('pt-BR')
    expect(wrapper.find('label').text()).toContain('Idioma')
  })
})
