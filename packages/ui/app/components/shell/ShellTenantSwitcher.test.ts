import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { nuxt } from '../../../test/nuxt-stubs'
import { i18n } from '../../../test/setup'
import ShellTenantSwitcher from './ShellTenantSwitcher.vue'

const ME = {
  tenants: [
    { slug: 'acme', role: 'owner' },
    { slug: 'beta', role: 'admin' },
  ],
  partners: [
    { slug: 'rio', role: 'partner_admin', name: 'Rio Hosting' },
  ],
}
const TENANTS = {
  items: [
    { slug: 'acme', name: 'Acme Ltda' },
    { slug: 'beta', name: 'Beta SA' },
    { slug: 'zeta', name: 'Zeta ME' },
  ],
  nextCursor: null,
}

function render(me: unknown = ME, route: { path: string, params: Record<string, string> } = {
  path: '/t/acme',
  params: { tenant: 'acme' },
}) {
  nuxt.fetchAnswers.set('/api/me', { data: me })
  nuxt.fetchAnswers.set('/api/tenants', { data: TENANTS })
  Object.assign(nuxt.route, route)
  return mount(ShellTenantSwitcher, { attachTo: document.body })
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('shellTenantSwitcher', () => {
  it('lists the user\'s tenants (by name) and partners, marks the current one, and navigates', async () => {
    const wrapper = render()
    const button = wrapper.find('[data-testid="tenant-switcher"]')
    expect(button.text()).toContain('Acme Ltda')
    expect(button.text()).toContain('Switch organization')
    expect(button.attributes('aria-expanded')).toBe('false')
    expect(wrapper.find(`#${button.attributes('aria-controls')}`).isVisible()).toBe(false)

    await button.trigger('click')
    expect(button.attributes('aria-expanded')).toBe('true')
    const links = wrapper.findAll('a')
    expect(links.map(link => [
      link.attributes('href'),
      link.find('span').text(),
      link.attributes('aria-current'),
    ])).toEqual([
      ['/t/acme', 'Acme Ltda', 'true'],
      ['/t/beta', 'Beta SA', undefined],
      ['/p/rio', 'Rio Hosting', undefined],
    ])
    expect(wrapper.findAll('h2').map(heading => heading.text())).toEqual(['Companies', 'Partners'])
    expect(document.activeElement).toBe(links[0]!.element)
    await wrapper.find('[data-testid="switch-tenant-beta"]').trigger('click')
    expect(nuxt.navigateTo).toHaveBeenCalledWith('/t/beta')
  })

  it('names partners as the API does; a partner without a name keeps its slug; the current partner is the label', async () => {
    const wrapper = render({
      tenants: [],
      partners: [
        { slug: 'rio', role: 'partner_admin', name: 'Rio Hosting' },
        { slug: 'sul', role: 'partner_agent', name: 'Sul Nuvem Ltda' },
        { slug: 'old', role: 'partner_agent' },
      ],
    }, {
      path: '/p/sul/branding',
      params: { partner: 'sul' },
    })
    const button = wrapper.find('[data-testid="tenant-switcher"]')
    expect(button.text()).toContain('Sul Nuvem Ltda')
    await button.trigger('click')
    expect(wrapper.findAll('a').map(link => [
      link.attributes('data-testid'),
      link.find('span').text(),
      link.attributes('aria-current'),
    ])).toEqual([
      ['switch-partner-rio', 'Rio Hosting', undefined],
      ['switch-partner-sul', 'Sul Nuvem Ltda', 'true'],
      ['switch-partner-old', 'old', undefined],
    ])
  })

  it('arrow keys move between choices; Escape closes and returns focus to the button', async () => {
    const wrapper = render()
    const button = wrapper.find('[data-testid="tenant-switcher"]')
    await button.trigger('click')
    const links = wrapper.findAll('a').map(link => link.element)
    await wrapper.find('a').trigger('keydown', { key: 'ArrowDown' })
    expect(document.activeElement).toBe(links[1])
    await wrapper.find('a').trigger('keydown', { key: 'ArrowUp' })
    await wrapper.find('a').trigger('keydown', { key: 'ArrowUp' })
    expect(document.activeElement).toBe(links[2])
    await wrapper.find('a').trigger('keydown', { key: 'Escape' })
    expect(button.attributes('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(button.element)
  })

  it('a click outside closes it', async () => {
    const wrapper = render()
    await wrapper.find('[data-testid="tenant-switcher"]').trigger('click')
    document.body.click()
    await nextTick()
    expect(wrapper.find('[data-testid="tenant-switcher"]').attributes('aria-expanded')).toBe('false')
  })

  it.each([
    [
      'one tenant, on its page',
      {
        tenants: [
          { slug: 'acme', role: 'owner' },
        ],
        partners: [],
      },
      {
        path: '/t/acme',
        params: { tenant: 'acme' },
      },
      false,
      '',
    ],
    [
      'one partner, on a customer\'s page',
      {
        tenants: [],
        partners: [
          { slug: 'rio', role: 'partner_admin' },
        ],
      },
      {
        path: '/t/zeta',
        params: { tenant: 'zeta' },
      },
      true,
      'Zeta ME',
    ],
    [
      'nothing',
      { tenants: [], partners: [] },
      { path: '/', params: {} },
      false,
      '',
    ],
    [
      'several, on the account page',
      ME,
      { path: '/account', params: {} },
      true,
      'Choose an organization',
    ],
  ])('%s → shown %s', (_, me, route, shown, label) => {
    const wrapper = render(me, route)
    expect(wrapper.find('[data-testid="tenant-switcher"]').exists()).toBe(shown)
    if (shown)
      expect(wrapper.find('[data-testid="tenant-switcher"]').text()).toContain(label)
  })

  it('hidden when the app turns it off (the operator console)', () => {
    nuxt.appConfig.shell.tenantSwitcher = false
    expect(render().find('[data-testid="tenant-switcher"]').exists()).toBe(false)
    expect(nuxt.fetchCalls.map(call => call.options?.immediate)).toEqual([false, false])
  })

  it('fetches in the browser only, never during the server render', () => {
    render()
    expect(nuxt.fetchCalls).toEqual([
      {
        url: '/api/me',
        options: {
          lazy: true,
          server: false,
          dedupe: 'defer',
          immediate: true,
        },
      },
      {
        url: '/api/tenants',
        options: {
          lazy: true,
          server: false,
          immediate: true,
          query: { limit: 200 },
        },
      },
    ])
  })

  it('speaks Portuguese', async () => {
    i18n.global.locale.value = 'pt-BR'
    const wrapper = render()
    await wrapper.find('[data-testid="tenant-switcher"]').trigger('click')
    expect(wrapper.findAll('h2').map(heading => heading.text())).toEqual(['Empresas', 'Parceiros'])
    expect(wrapper.find('[aria-current="true"]').text()).toContain('Atual')
  })
})
