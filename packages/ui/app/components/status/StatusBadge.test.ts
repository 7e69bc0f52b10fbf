import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { i18n } from '../../../test/setup'
import ProvisioningStatusBadge from '../provisioning/ProvisioningStatusBadge.vue'
import TenantStatusBadge from '../tenant/TenantStatusBadge.vue'
import StatusBadge from './StatusBadge.vue'

describe('statusBadge', () => {
  it.each([
    ['success', 'text-success'],
    ['warning', 'text-warning'],
    ['danger', 'text-danger'],
    ['info', 'text-primary'],
    ['neutral', 'text-muted'],
  ] as const)('tone %s uses %s', (tone, colour) => {
    const wrapper = mount(StatusBadge, {
      props: { tone, label: 'Label', testid: 'badge' },
    })
    expect(wrapper.classes()).toContain(colour)
    expect(wrapper.attributes('data-tone')).toBe(tone)
    expect(wrapper.attributes('data-testid')).toBe('badge')
    expect(wrapper.text()).toBe('Label')
  })

  it('pulses only when asked, hidden from assistive technology', () => {
    expect(mount(StatusBadge, {
      props: { label: 'x' },
    }).find('[data-part="pulse"]').exists()).toBe(false)
    const dot = mount(StatusBadge, {
      props: { label: 'x', pulse: true },
    }).find('[data-part="pulse"]')
    expect(dot.attributes('aria-hidden')).toBe('true')
  })
})

describe('tenantStatusBadge', () => {
  it.each([
    [
      'active',
      'en',
      'Active',
      'success',
      false,
    ],
    [
      'provisioning',
      'en',
      'Provisioning',
      'warning',
      true,
    ],
    [
      'suspended',
      'pt-BR',
      'Suspensa',
      'danger',
      false,
    ],
    [
      'deleted',
      'pt-BR',
      'Excluída',
      'neutral',
      false,
    ],
  ] as const)('%s in %s', (status, locale, text, tone, pulse) => {
    i18n.global.locale.value = locale as 'en' | 'pt-BR'
    const wrapper = mount(TenantStatusBadge, {
      props: { status },
    })
    expect(wrapper.text()).toBe(text)
    expect(wrapper.attributes('data-tone')).toBe(tone)
    expect(wrapper.attributes('data-testid')).toBe(`tenant-status-${status}`)
    expect(wrapper.find('[data-part="pulse"]').exists()).toBe(pulse)
  })
})

describe('provisioningStatusBadge', () => {
  it.each([
    [
      'pending',
      'Waiting',
      'Aguardando',
      'neutral',
    ],
    [
      'running',
      'In progress',
      'Em andamento',
      'info',
    ],
    ['ok', 'Ready', 'Pronto', 'success'],
    [
      'skipped',
      'Not needed',
      'Não necessário',
      'neutral',
    ],
    [
      'error',
      'Failed',
      'Com falha',
      'danger',
    ],
  ] as const)('%s', (status, en, ptBR, tone) => {
    const wrapper = mount(ProvisioningStatusBadge, {
      props: { status, step: 'mail' },
    })
    expect(wrapper.text()).toBe(en)
    expect(wrapper.attributes('data-tone')).toBe(tone)
    expect(wrapper.attributes('data-testid')).toBe('provisioning-status-mail')
    expect(wrapper.attributes('data-status')).toBe(status)
    i18n.global.locale.value = 'pt-BR'
    expect(mount(ProvisioningStatusBadge, {
      props: { status },
    }).text()).toBe(ptBR)
  })
})
