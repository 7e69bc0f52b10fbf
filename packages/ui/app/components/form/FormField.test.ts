import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import FormColor from './FormColor.vue'
import FormInput from './FormInput.vue'
import FormSelect from './FormSelect.vue'

describe('formInput (through FormField)', () => {
  it.each([
    [{}, undefined, undefined],
    [
      { hint: 'We send the invitation here.' },
      'hint',
      undefined,
    ],
    [
      { error: 'Enter a valid email address.' },
      'error',
      'true',
    ],
    [
      { hint: 'h', error: 'e' },
      'hint error',
      'true',
    ],
  ])('%o → describedby %s, aria-invalid %s', (props, describedBy, invalid) => {
    const wrapper = mount(FormInput, {
      props: {
        label: 'Email',
        id: 'email',
        testid: 'invite-email',
        ...props,
      },
    })
    const input = wrapper.find('input')
    expect(wrapper.find('label').attributes('for')).toBe('email')
    expect(input.attributes('id')).toBe('email')
    expect(input.attributes('aria-invalid')).toBe(invalid)
    expect(input.attributes('aria-describedby')).toBe(describedBy?.split(' ').map(part => `email-${part}`).join(' '))
    for (const id of describedBy?.split(' ') ?? [])
      expect(wrapper.find(`#email-${id}`).text()).toBe(props[id as keyof typeof props])
  })

  it('marks required fields: the control is required, the asterisk is hidden from screen readers', () => {
    const wrapper = mount(FormInput, {
      props: { label: 'Name', required: true },
    })
    expect(wrapper.find('input').attributes('required')).toBeDefined()
    expect(wrapper.find('label [aria-hidden="true"]').text()).toBe('*')
    expect(mount(FormInput, {
      props: { label: 'Name' },
    }).find('label [aria-hidden]').exists()).toBe(false)
  })

  it('generates an id that ties the label to the input', () => {
    const wrapper = mount(FormInput, {
      props: { label: 'Name' },
    })
    expect(wrapper.find('input').attributes('id')).toBeTruthy()
    expect(wrapper.find('label').attributes('for')).toBe(wrapper.find('input').attributes('id'))
  })

  it('v-model, blur and the error test id', async () => {
    const wrapper = mount(FormInput, {
      props: {
        label: 'Name',
        testid: 'name',
        error: 'Required',
        modelValue: '',
      },
    })
    await wrapper.find('input').setValue('Ana')
    await wrapper.find('input').trigger('blur')
    expect(wrapper.emitted('update:modelValue')).toEqual([
      ['Ana'],
    ])
    expect(wrapper.emitted('blur')).toHaveLength(1)
    expect(wrapper.find('[data-testid="name-error"]').text()).toBe('Required')
  })
})

describe('formSelect', () => {
  it('lists the options, an optional placeholder, and emits the choice', async () => {
    const options = [
      { value: 'admin', label: 'Admin' },
      { value: 'member', label: 'Member' },
    ]
    const wrapper = mount(FormSelect, {
      props: {
        label: 'Role',
        options,
        placeholder: 'Any role',
        modelValue: '',
      },
    })
    expect(wrapper.findAll('option').map(option => option.text())).toEqual(['Any role', 'Admin', 'Member'])
    await wrapper.find('select').setValue('member')
    expect(wrapper.emitted('update:modelValue')).toEqual([
      ['member'],
    ])
    expect(wrapper.find('label').attributes('for')).toBe(wrapper.find('select').attributes('id'))
  })
})

describe('formColor', () => {
  it.each([
    ['#1D4ED8', '#1d4ed8'],
    ['#12', '#000000'],
    ['', '#1d4ed8'],
  ])('text %s shows swatch %s', (value, swatch) => {
    const wrapper = mount(FormColor, {
      props: { label: 'Primary colour', modelValue: value },
    })
    expect((wrapper.find('input[type="color"]').element as HTMLInputElement).value).toBe(swatch)
  })

  it('a blank field shows the colour that applies meanwhile, in the swatch and as placeholder', () => {
    const wrapper = mount(FormColor, {
      props: { label: 'Accent colour', modelValue: '', placeholder: '#D97706' },
    })
    expect((wrapper.find('input[type="color"]').element as HTMLInputElement).value).toBe('#d97706')
    expect(wrapper.find('input[type="text"]').attributes('placeholder')).toBe('#D97706')
  })

  it('the picker and the text field both set the value; the picker has a translated name', async () => {
    const wrapper = mount(FormColor, {
      props: { label: 'Primary colour', modelValue: '#1d4ed8', error: 'Use a colour in the form #1d4ed8.' },
    })
    const picker = wrapper.find('input[type="color"]')
    expect(picker.attributes('aria-label')).toBe('Pick Primary colour')
    await picker.setValue('#ff0000')
    await wrapper.find('input[type="text"]').setValue('#00ff00')
    expect(wrapper.emitted('update:modelValue')).toEqual([
      ['#ff0000'],
      ['#00ff00'],
    ])
    expect(wrapper.find('input[type="text"]').attributes('aria-invalid')).toBe('true')
  })
})
