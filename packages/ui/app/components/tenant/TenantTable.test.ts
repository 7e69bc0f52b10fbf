import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { i18n } from '../../../test/setup'
import TenantTable from './TenantTable.vue'

const TENANTS = [
  {
    id: '1',
    slug: 'acme',
    name: 'Acme Ltda',
    status: 'active',
    plan: 'business',
    partnerSlug: 'rio',
  },
  {
    id: '2',
    slug: 'beta',
    name: 'Beta SA',
    status: 'provisioning',
    plan: 'starter',
    partnerSlug: null,
  },
]

describe('tenantTable', () => {
  it.each([
    [
      'en',
      [
        'Name',
        'Identifier',
        'Status',
        'Plan',
        'Partner',
      ],
      [
        'Acme Ltda',
        'acme',
        'Active',
        'Business',
        'rio',
      ],
      [
        'Beta SA',
        'beta',
        'Provisioning',
        'Starter',
        'Direct',
      ],
    ],
    [
      'pt-BR',
      [
        'Nome',
        'Identificador',
        'Situação',
        'Plano',
        'Parceiro',
      ],
      [
        'Acme Ltda',
        'acme',
        'Ativa',
        'Empresarial',
        'rio',
      ],
      [
        'Beta SA',
        'beta',
        'Em configuração',
        'Inicial',
        'Direto',
      ],
    ],
  ] as const)('in %s', (locale, headers, acme, beta) => {
    i18n.global.locale.value = locale
    const wrapper = mount(TenantTable, {
      props: { tenants: TENANTS as never },
    })
    expect(wrapper.attributes('data-testid')).toBe('tenant-table')
    expect(wrapper.findAll('th').map(th => th.text())).toEqual(headers)
    expect(wrapper.findAll('[data-testid="tenant-acme"] td').map(td => td.text())).toEqual(acme)
    expect(wrapper.findAll('[data-testid="tenant-beta"] td').map(td => td.text())).toEqual(beta)
  })

  it('pages with the DataTable pager', async () => {
    const wrapper = mount(TenantTable, {
      props: { tenants: TENANTS as never, hasNext: true, pageSize: 50 },
    })
    await wrapper.find('[data-testid="page-next"]').trigger('click')
    expect(wrapper.emitted('next')).toHaveLength(1)
    expect(wrapper.find('[data-testid="page-previous"]').attributes('disabled')).toBeDefined()
  })
})
