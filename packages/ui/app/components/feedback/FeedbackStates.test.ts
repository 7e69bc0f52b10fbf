import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { nuxt } from '../../../test/nuxt-stubs'
import { i18n } from '../../../test/setup'
import FeedbackEmpty from './FeedbackEmpty.vue'
import FeedbackError from './FeedbackError.vue'
import FeedbackLoading from './FeedbackLoading.vue'

describe('feedbackLoading', () => {
  it.each([
    [
      'skeleton',
      'en',
      undefined,
      'Loading…',
      3,
    ],
    [
      'skeleton',
      'pt-BR',
      undefined,
      'Carregando…',
      3,
    ],
    [
      'spinner',
      'en',
      'Loading users',
      'Loading users',
      0,
    ],
  ] as const)('%s in %s', (variant, locale, label, text, lines) => {
    i18n.global.locale.value = locale as 'en' | 'pt-BR'
    const wrapper = mount(FeedbackLoading, {
      props: { variant, label },
    })
    expect(wrapper.attributes('role')).toBe('status')
    expect(wrapper.attributes('aria-live')).toBe('polite')
    expect(wrapper.text()).toBe(text)
    expect(wrapper.findAll('[data-part="line"]')).toHaveLength(lines)
  })
})

describe('feedbackEmpty', () => {
  it('shows title, body and an optional action', () => {
    const wrapper = mount(FeedbackEmpty, {
      props: { title: 'No domains', body: 'Add one.' },
      slots: { default: '<button>Add</button>' },
    })
    expect(wrapper.text()).toBe('No domainsAdd one.Add')
    expect(wrapper.find('button').exists()).toBe(true)
    expect(mount(FeedbackEmpty, {
      props: { title: 'x' },
    }).find('button').exists()).toBe(false)
  })
})

describe('feedbackError', () => {
  it.each([
    [
      403,
      'en',
      'You do not have access to this.',
      'Try again',
    ],
    [
      503,
      'pt-BR',
      'A plataforma não está acessível agora. Tente novamente em instantes.',
      'Tentar novamente',
    ],
    [
      418,
      'en',
      'Something went wrong. Please try again.',
      'Try again',
    ],
  ])('%i in %s', async (statusCode, locale, message, button) => {
    i18n.global.locale.value = locale as 'en' | 'pt-BR'
    const wrapper = mount(FeedbackError, {
      props: {
        error: {
          statusCode,
          data: {
            data: { requestId: 'req-1' },
          },
        },
      },
    })
    expect(wrapper.attributes('role')).toBe('alert')
    expect(wrapper.text()).toContain(message)
    expect(wrapper.text()).toContain('req-1')
    await wrapper.find('button').trigger('click')
    expect(wrapper.find('button').text()).toBe(button)
    expect(wrapper.emitted('retry')).toHaveLength(1)
  })

  it('401 of an old session signs in again on its own', () => {
    nuxt.user.value = { loggedInAt: 0 }
    const wrapper = mount(FeedbackError, {
      props: {
        error: { statusCode: 401 },
      },
    })
    expect(nuxt.login).toHaveBeenCalledOnce()
    expect(wrapper.text()).toContain('Taking you to sign in')
  })

  it('401 of a fresh session asks instead of looping', async () => {
    nuxt.user.value = { loggedInAt: Date.now() / 1000 }
    const wrapper = mount(FeedbackError, {
      props: {
        error: { statusCode: 401 },
      },
    })
    expect(nuxt.login).not.toHaveBeenCalled()
    await wrapper.find('button').trigger('click')
    expect(wrapper.find('button').text()).toBe('Sign in again')
    expect(nuxt.login).toHaveBeenCalledOnce()
  })
})
