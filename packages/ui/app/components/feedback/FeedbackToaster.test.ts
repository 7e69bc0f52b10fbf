import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { i18n } from '../../../test/setup'
import { useToast } from '../../composables/useToast'
import FeedbackToaster from './FeedbackToaster.vue'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

async function renderWith(add: (toast: ReturnType<typeof useToast>) => void) {
  const wrapper = mount(FeedbackToaster)
  add(useToast())
  await nextTick()
  return wrapper
}

describe('feedbackToaster', () => {
  it('is a polite live region, present before any toast', () => {
    const region = mount(FeedbackToaster)
    expect(region.attributes('role')).toBe('region')
    expect(region.attributes('aria-live')).toBe('polite')
    expect(region.attributes('aria-label')).toBe('Notifications')
    expect(region.findAll('[data-testid^="toast-"]')).toHaveLength(0)
  })

  it.each([
    ['success', 'en', 'Success: User invited'],
    ['error', 'en', 'Error: User invited'],
    ['info', 'pt-BR', 'Informação: User invited'],
  ] as const)('%s toast in %s names its tone for screen readers', async (tone, locale, text) => {
    i18n.global.locale.value = locale as 'en' | 'pt-BR'
    const wrapper = await renderWith(toast => toast[tone]('User invited'))
    expect(wrapper.find(`[data-testid="toast-${tone}"]`).text()).toContain(text)
  })

  it.each([
    ['success', 4999, 5000],
    ['error', 7999, 8000],
  ] as const)('%s goes away after its timeout', async (tone, before, after) => {
    const wrapper = await renderWith(toast => toast[tone]('Saved'))
    vi.advanceTimersByTime(before)
    await nextTick()
    expect(wrapper.findAll('[data-testid^="toast-"]')).toHaveLength(1)
    vi.advanceTimersByTime(after - before)
    await nextTick()
    expect(wrapper.find(`[data-testid="toast-${tone}"]`).exists()).toBe(false)
  })

  it.each(['mouseenter', 'focusin'])('pauses on %s and resumes with the time left', async (pauseEvent) => {
    const wrapper = await renderWith(toast => toast.success('Saved'))
    vi.advanceTimersByTime(3000)
    await wrapper.find('[data-testid="toast-success"]').trigger(pauseEvent)
    vi.advanceTimersByTime(60_000)
    await nextTick()
    expect(wrapper.find('[data-testid="toast-success"]').exists()).toBe(true)
    await wrapper.find('[data-testid="toast-success"]').trigger(pauseEvent === 'mouseenter'
      ? 'mouseleave'
      : 'focusout')
    vi.advanceTimersByTime(1999)
    await nextTick()
    expect(wrapper.find('[data-testid="toast-success"]').exists()).toBe(true)
    vi.advanceTimersByTime(1)
    await nextTick()
    expect(wrapper.find('[data-testid="toast-success"]').exists()).toBe(false)
  })

  it('the dismiss button removes it; timeout 0 keeps it', async () => {
    const wrapper = await renderWith((toast) => {
      toast.error('Failed', { timeout: 0 })
      toast.info('Heads up')
    })
    vi.advanceTimersByTime(600_000)
    await nextTick()
    const button = wrapper.find('[data-testid="toast-error"] [data-testid="dismiss-toast"]')
    expect(button.attributes('aria-label')).toBe('Dismiss notification')
    await button.trigger('click')
    expect(wrapper.findAll('[data-testid^="toast-"]')).toHaveLength(0)
  })
})
