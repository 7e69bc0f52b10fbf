import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
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
