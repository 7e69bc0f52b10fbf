import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import BrandEditor from './BrandEditor.vue'

function mountEditor(props: Partial<InstanceType<typeof BrandEditor>['$props']> = {}) {
  const save = vi.fn(async () => {})
  const wrapper = mount(BrandEditor, {
    props: { branding: {}, save, ...props },
  })
  return { wrapper, save }
}
const byTestId = (wrapper: ReturnType<typeof mount>, id: string) => wrapper.find(`[data-testid="${id}"]`)

describe('brandEditor', () => {
  it.each([
    // Mid grey: neither white nor ink text on it reaches AA, nor does it as link colour on white.
    [
      '#808080',
      ['contrast-warning', 'contrast-warning-links'],
    ],
    // Pale yellow takes ink text, but its links on white are unreadable.
    [
      '#fde68a',
      ['contrast-warning-links'],
    ],
    // Dark teal passes both.
    ['#0f766e', []],
    // Blank: the default primary colour applies, which passes.
    ['', []],
  ])('primary %s warns with %o', async (colour, warnings) => {
    const { wrapper } = mountEditor()
    await byTestId(wrapper, 'brand-primary-color').setValue(colour)
    for (const id of ['contrast-warning', 'contrast-warning-links'])
      expect(byTestId(wrapper, id).exists(), id).toBe(warnings.includes(id))
  })

  it('previews what is typed and sends only the fields that are set', async () => {
    const { wrapper, save } = mountEditor({
      branding: { productName: 'Nimbus' },
    })
    expect(byTestId(wrapper, 'brand-preview-name').text()).toBe('Nimbus')
    await byTestId(wrapper, 'brand-product-name').setValue('Nimbus Workspace')
    expect(byTestId(wrapper, 'brand-preview-name').text()).toBe('Nimbus Workspace')
    await byTestId(wrapper, 'brand-primary-color').setValue('#0F766E')
    await byTestId(wrapper, 'branding-form').trigger('submit')
    await flushPromises()
    expect(save).toHaveBeenCalledWith({ productName: 'Nimbus Workspace', primaryColor: '#0F766E' })
    expect(wrapper.emitted('saved')).toHaveLength(1)
  })

  it('shows the schema\'s messages and sends nothing while a field is invalid', async () => {
    const { wrapper, save } = mountEditor()
    await byTestId(wrapper, 'brand-logo-url').setValue('ftp://example.com/logo.svg')
    await byTestId(wrapper, 'brand-accent-color').setValue('teal')
    await byTestId(wrapper, 'branding-form').trigger('submit')
    await flushPromises()
    expect(save).not.toHaveBeenCalled()
    expect(byTestId(wrapper, 'brand-logo-url-error').text()).toBe('Enter an https address, such as https://example.com/logo.svg.')
    expect(byTestId(wrapper, 'brand-accent-color-error').text()).toBe('Use a colour in the form #1d4ed8.')
  })

  it('read-only: the fields are disabled and there is no save button', () => {
    const { wrapper } = mountEditor({ readonly: true })
    expect(byTestId(wrapper, 'brand-product-name').attributes('disabled')).toBeDefined()
    expect(byTestId(wrapper, 'branding-save').exists()).toBe(false)
  })
})
