import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nuxt } from '../../../test/nuxt-stubs'
import { i18n } from '../../../test/setup'
import ShellEnvironmentBadge from './ShellEnvironmentBadge.vue'

function mountWith(environment: unknown, locale: 'en' | 'pt-BR' = 'en') {
  (nuxt.runtimeConfig.public as Record<string, unknown>).environment = environment
  i18n.global.locale.value = locale
  return mount(ShellEnvironmentBadge)
}

describe('shellEnvironmentBadge', () => {
  afterEach(() => {
    delete (nuxt.runtimeConfig.public as Record<string, unknown>).environment
  })

  it.each([
    [
      'dev',
      'en',
      'Environment: Dev',
      'bg-white',
    ],
    [
      'staging',
      'en',
      'Environment: Staging',
      'bg-amber-100',
    ],
    [
      'prod',
      'en',
      'Environment: Production',
      'bg-red-700',
    ],
    [
      'PROD',
      'pt-BR',
      'Ambiente: Produção',
      'bg-red-700',
    ],
    [
      'staging',
      'pt-BR',
      'Ambiente: Homologação',
      'bg-amber-100',
    ],
  ] as const)('%s in %s reads "%s", coloured %s', (environment, locale, text, colour) => {
    const badge = mountWith(environment, locale).get('[data-testid="environment-badge"]')
    expect(badge.text().replace(/\s+/g, ' ')).toBe(text)
    expect(badge.classes()).toContain(colour)
    expect(badge.attributes('data-environment')).toBe(environment.toLowerCase())
  })

  it('shows an unknown environment by its name, in the quiet colour', () => {
    const badge = mountWith('qa').get('[data-testid="environment-badge"]')
    expect(badge.text()).toContain('qa')
    expect(badge.classes()).toContain('bg-white')
  })

  it.each([undefined, '', 42])('shows nothing for an app without an environment (%j), like the portal', (environment) => {
    expect(mountWith(environment).find('[data-testid="environment-badge"]').exists()).toBe(false)
  })
})
