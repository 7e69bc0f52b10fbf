import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { i18n } from '../../../test/setup'
import DataTable from './DataTable.vue'

const columns = [
  { key: 'name', label: 'Name', sortable: true },
  {
    key: 'email',
    label: 'Email',
    sortable: true,
    sortField: 'mail',
  },
  { key: 'role', label: 'Role' },
]
const rows = [
  {
    id: 'u1',
    name: 'Ana',
    email: 'ana@acme.test',
    role: 'owner',
  },
  {
    id: 'u2',
    name: 'Bruno',
    email: 'bruno@acme.test',
    role: 'member',
  },
]

function render(props: Record<string, unknown> = {}, slots: Record<string, string> = {}) {
  return mount(DataTable, {
    props: {
      columns,
      rows,
      rowKey: 'email',
      testidPrefix: 'user',
      caption: 'Users',
      ...props,
    },
    slots,
  })
}

describe('dataTable', () => {
  it('renders a row per item with its test id and the default cell text', () => {
    const wrapper = render()
    expect(wrapper.find('[data-testid="user-ana@acme.test"]').text()).toContain('Ana')
    expect(wrapper.findAll('tbody tr')).toHaveLength(2)
    expect(wrapper.find('caption').text()).toBe('Users')
    expect(wrapper.find('[role="region"]').attributes()).toMatchObject({ 'tabindex': '0', 'aria-label': 'Users' })
  })

  it('adds per-row attributes from rowAttrs', () => {
    const wrapper = render({
      rowAttrs: (row: { role: string }) => ({ 'data-role': row.role }),
    })
    expect(wrapper.findAll('tbody tr').map(row => row.attributes('data-role'))).toEqual(['owner', 'member'])
  })

  it('renders cell slots with the row', () => {
    const wrapper = render({}, { 'cell-role': '<strong data-testid="role">{{ params.row.role.toUpperCase() }}</strong>' })
    expect(wrapper.findAll('[data-testid="role"]').map(cell => cell.text())).toEqual(['OWNER', 'MEMBER'])
  })

  it.each([
    [
      undefined,
      'name',
      'name:asc',
      { name: 'none', email: 'none' },
    ],
    [
      'name:asc',
      'name',
      'name:desc',
      { name: 'ascending', email: 'none' },
    ],
    [
      'name:desc',
      'name',
      'name:asc',
      { name: 'descending', email: 'none' },
    ],
    [
      'name:asc',
      'email',
      'mail:asc',
      { name: 'ascending', email: 'none' },
    ],
    [
      'mail:asc',
      'email',
      'mail:desc',
      { name: 'none', email: 'ascending' },
    ],
  ])('sort %s, activating %s → %s', async (sort, column, expected, ariaSort) => {
    const wrapper = render({
      'sort': sort,
      'onUpdate:sort': (value: string) => wrapper.setProps({ sort: value }),
    })
    const headers = wrapper.findAll('th')
    expect(headers[0]!.attributes('aria-sort')).toBe(ariaSort.name)
    expect(headers[1]!.attributes('aria-sort')).toBe(ariaSort.email)
    expect(headers[2]!.attributes('aria-sort')).toBeUndefined()
    await wrapper.find(`[data-testid="sort-${column}"]`).trigger('click')
    expect(wrapper.emitted('update:sort')).toEqual([
      [expected],
    ])
  })

  it('sort headers are real buttons (Enter and Space work natively)', () => {
    const button = render().find('[data-testid="sort-name"]')
    expect(button.element.tagName).toBe('BUTTON')
    expect(button.attributes('type')).toBe('button')
  })

  it('shows skeleton rows and aria-busy while loading', () => {
    const wrapper = render({ rows: [], loading: true, skeletonRows: 3 })
    expect(wrapper.attributes('aria-busy')).toBe('true')
    expect(wrapper.findAll('[data-testid="skeleton-row"]')).toHaveLength(3)
    expect(wrapper.find('[role="status"]').text()).toBe('Loading…')
    expect(wrapper.find('[data-testid="data-table-empty"]').exists()).toBe(false)
  })

  it('shows the empty slot, or a translated default', async () => {
    expect(render({ rows: [] }).find('[data-testid="data-table-empty"]').text()).toBe('Nothing to show.')
    expect(render({ rows: [] }, { empty: '<p>No users yet</p>' }).find('[data-testid="data-table-empty"]').text()).toBe('No users yet')
    i18n.global.locale.value = 'pt-BR'
    expect(render({ rows: [] }).find('[data-testid="data-table-empty"]').text()).toBe('Nada para mostrar.')
  })

  it.each([
    [false, false, true, true],
    [true, false, false, true],
    [false, true, true, false],
    [true, true, false, false],
  ])('hasPrevious %s, hasNext %s → previous disabled %s, next disabled %s', (hasPrevious, hasNext, prevDisabled, nextDisabled) => {
    const wrapper = render({ hasPrevious, hasNext, pageSize: 25 })
    expect(wrapper.find('[data-testid="page-previous"]').attributes('disabled') !== undefined).toBe(prevDisabled)
    expect(wrapper.find('[data-testid="page-next"]').attributes('disabled') !== undefined).toBe(nextDisabled)
  })

  it('emits previous, next and the page size', async () => {
    const wrapper = render({ hasPrevious: true, hasNext: true, pageSize: 25 })
    await wrapper.find('[data-testid="page-next"]').trigger('click')
    await wrapper.find('[data-testid="page-previous"]').trigger('click')
    await wrapper.find('[data-testid="page-size"]').setValue('50')
    expect(wrapper.emitted('next')).toHaveLength(1)
    expect(wrapper.emitted('previous')).toHaveLength(1)
    expect(wrapper.emitted('update:pageSize')).toEqual([
      [50],
    ])
    expect(wrapper.find('nav').attributes('aria-label')).toBe('Pages')
    expect(wrapper.find('label[for]').text()).toBe('Rows per page')
  })

  it('hides the pager when there is one page and no page-size model', () => {
    expect(render().find('nav').exists()).toBe(false)
  })
})
