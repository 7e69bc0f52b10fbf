import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { useToast } from '../../composables/useToast'
import BrandEditor from './BrandEditor.vue'

function mountEditor(props: Partial<InstanceType<typeof BrandEditor>['$props']> = {}) {
  const save = vi.fn<(branding: object) => Promise<unknown>>(async () => {})
  const wrapper = mount(BrandEditor, {
    props: { branding: {}, save, ...props },
  })
  return { wrapper, save }
}
const byTestId = (wrapper: ReturnType<typeof mount>, id: string) => wrapper.find(`[data-testid="${id}"]`)
// The hint as a screen reader announces it: the field's description.
function hintOf(wrapper: ReturnType<typeof mount>, id: string) {
  const [hintId] = byTestId(wrapper, id).attributes('aria-describedby')!.split(' ')
  return wrapper.find(`[id="${hintId}"]`).text()
}

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

  it('without inherited values: plain hints and no reset buttons', () => {
    const { wrapper } = mountEditor({
      branding: { primaryColor: '#0f766e' },
    })
    expect(byTestId(wrapper, 'brand-primary-color-reset').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('Left blank')
  })

  it('inherited: a blank field says and previews what applies, a set field goes back to it on reset', async () => {
    const { wrapper, save } = mountEditor({
      branding: { primaryColor: '#0f766e' },
      inherited: {
        productName: 'Nimbus',
        logoUrl: undefined,
        primaryColor: undefined,
        accentColor: undefined,
      },
      audience: 'tenant',
      testid: 'tenant-branding-form',
    })
    expect(hintOf(wrapper, 'brand-product-name')).toBe('Shown in the portal\'s header and the browser tab instead of Dezky. Left blank, your provider\'s applies: Nimbus.')
    expect(byTestId(wrapper, 'brand-preview-name').text()).toBe('Nimbus')
    expect(byTestId(wrapper, 'brand-preview').text()).toContain('Add a user')
    // Only the field with a value of its own can go back to the inherited one.
    expect(byTestId(wrapper, 'brand-product-name-reset').exists()).toBe(false)
    const reset = byTestId(wrapper, 'brand-primary-color-reset')
    expect(reset.text()).toBe('Use your provider\'s primary colour')

    await reset.trigger('click')
    expect((byTestId(wrapper, 'brand-primary-color').element as HTMLInputElement).value).toBe('')
    expect(byTestId(wrapper, 'brand-primary-color-reset').exists()).toBe(false)
    expect(save).not.toHaveBeenCalled()
    await byTestId(wrapper, 'tenant-branding-form').trigger('submit')
    await flushPromises()
    expect(save).toHaveBeenCalledWith({})
  })

  it.each([
    // The tenant's own value hides its partner's: the reset goes back to the partner's.
    [undefined, 'Use your provider\'s accent colour', 'Left blank, your provider\'s applies.'],
    // Nothing inherited (no partner): the reset goes back to the default.
    [null, 'Use the default accent colour', 'Left blank, the default applies.'],
  ])('inherited accent %o: reset reads %s, and once blank the hint says %s', async (value, label, hint) => {
    const { wrapper } = mountEditor({
      branding: { accentColor: '#be185d' },
      inherited: { accentColor: value },
    })
    const reset = byTestId(wrapper, 'brand-accent-color-reset')
    expect(reset.text()).toBe(label)
    expect(hintOf(wrapper, 'brand-accent-color')).toBe('Focus outlines and highlights.')
    await reset.trigger('click')
    expect(hintOf(wrapper, 'brand-accent-color')).toBe(`Focus outlines and highlights. ${hint}`)
  })

  it('read-only with inherited values: no reset buttons', () => {
    const { wrapper } = mountEditor({
      branding: { productName: 'Acme' },
      inherited: { productName: 'Nimbus' },
      readonly: true,
    })
    expect(byTestId(wrapper, 'brand-product-name-reset').exists()).toBe(false)
  })

  it.each([
    // A page that explains who may change the brand is told instead of a toast.
    [true, 1, []],
    // Elsewhere the refusal is a failure like any other.
    [
      false,
      0,
      ['The branding could not be saved. Please try again.'],
    ],
  ])('a refused save (403) with a refused listener %s: listener called %i times, toasts %o', async (listens, calls, toasts) => {
    const onRefused = vi.fn()
    const { wrapper, save } = mountEditor(listens
      ? { onRefused }
      : {})
    save.mockRejectedValueOnce(Object.assign(new Error('Forbidden'), { statusCode: 403 }))
    await byTestId(wrapper, 'brand-product-name').setValue('Acme')
    await byTestId(wrapper, 'branding-form').trigger('submit')
    await flushPromises()
    expect(onRefused).toHaveBeenCalledTimes(calls)
    expect(useToast().toasts.value.map(toast => toast.message)).toEqual(toasts)
    expect(wrapper.emitted('saved')).toBeUndefined()
  })
})
