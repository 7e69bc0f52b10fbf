import { ZBranding, ZCreateTenantMember } from '@dezky/contracts'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'
import { z } from 'zod'
import { i18n } from '../../test/setup'
import { useZodForm } from './useZodForm'

/** useZodForm needs a component (useI18n); this returns what the composable returned. */
function withForm<T>(make: () => T): T {
  let form: T
  mount(defineComponent({
    setup() {
      form = make()
      return () => null
    },
  }))
  return form!
}

const ZExample = z.object({
  name: z.string().trim().min(1).max(5),
  seats: z.number().int().min(3).max(10),
  role: z.enum(['admin', 'member']),
  website: z.url(),
  slug: z.string().regex(/^[a-z]+$/),
  terms: z.boolean().refine(value => value, {
    params: { i18n: 'confirm.confirm' },
  }),
})

describe('useZodForm', () => {
  it.each([
    ['name', '', 'This field is required.'],
    ['name', 'Ana Souza', 'Use at most 5 characters.'],
    ['seats', 1, 'Must be at least 3.'],
    ['seats', 11, 'Must be at most 10.'],
    ['seats', undefined, 'This field is required.'],
    ['role', 'boss', 'Choose one of the options.'],
    ['website', 'not a url', 'Enter a valid web address.'],
    ['slug', 'UPPER', 'The format is not valid.'],
    ['terms', false, 'Confirm'],
  ])('%s = %j → %s', (field, value, message) => {
    const valid = {
      name: 'Ana',
      seats: 5,
      role: 'admin',
      website: 'https://acme.test',
      slug: 'acme',
      terms: true,
    }
    const form = withForm(() => useZodForm(ZExample, { ...valid, [field]: value } as z.input<typeof ZExample>))
    expect(form.validate()).toBeUndefined()
    expect(form.errors.value).toEqual({ [field]: message })
  })

  it('messages follow the locale', () => {
    const form = withForm(() => useZodForm(ZCreateTenantMember, { email: 'nope', name: '' }))
    form.validate()
    expect(form.errors.value).toEqual({ email: 'Enter a valid email address.', name: 'This field is required.' })
    i18n.global.locale.value = 'pt-BR'
    expect(form.errors.value).toEqual({ email: 'Informe um e-mail válido.', name: 'Este campo é obrigatório.' })
  })

  it('validate returns the parsed data (transforms and defaults applied)', () => {
    const form = withForm(() => useZodForm(ZCreateTenantMember, { email: 'Ana@Acme.Test', name: ' Ana ' }))
    expect(form.validate()).toEqual({ email: 'ana@acme.test', name: 'Ana', role: 'member' })
    expect(form.errors.value).toEqual({})
  })

  it('names nested fields by dot path and knows hex colours', () => {
    const form = withForm(() => useZodForm(z.object({ branding: ZBranding }), {
      branding: { primaryColor: '#12' },
    }))
    form.validate()
    expect(form.errors.value).toEqual({ 'branding.primaryColor': 'Use a colour in the form #1d4ed8.' })
  })

  it('validateField flags only that field', () => {
    const form = withForm(() => useZodForm(ZCreateTenantMember, { email: 'nope', name: '' }))
    expect(form.validateField('email')).toBe(false)
    expect(form.errors.value).toEqual({ email: 'Enter a valid email address.' })
    form.values.email = 'ana@acme.test'
    expect(form.validateField('email')).toBe(true)
    expect(form.errors.value).toEqual({})
  })

  it('submit sends parsed data and shows the server\'s field errors', async () => {
    const form = withForm(() => useZodForm(ZCreateTenantMember, { email: 'ana@acme.test', name: 'Ana' }))
    const rejection = {
      statusCode: 422,
      data: {
        statusCode: 422,
        data: {
          errors: [
            { path: 'body.email', message: 'already a member' },
          ],
        },
      },
    }
    const sent: unknown[] = []
    expect(await form.submit(async (body) => {
      sent.push(body)
      throw rejection
    })).toBe(false)
    expect(sent).toEqual([
      { email: 'ana@acme.test', name: 'Ana', role: 'member' },
    ])
    expect(form.errors.value).toEqual({ email: 'Not accepted: already a member' })
    expect(form.submitting.value).toBe(false)
    i18n.global.locale.value = 'pt-BR'
    expect(form.errors.value.email).toBe('Não aceito: already a member')
  })

  it('submit rethrows failures without field errors and skips sending invalid forms', async () => {
    const form = withForm(() => useZodForm(ZCreateTenantMember, { email: 'ana@acme.test', name: 'Ana' }))
    await expect(form.submit(() => Promise.reject(new Error('503')))).rejects.toThrow('503')
    expect(await form.submit(() => Promise.resolve())).toBe(true)
    form.values.name = ''
    let called = false
    expect(await form.submit(async () => {
      called = true
    })).toBe(false)
    expect(called).toBe(false)
    form.reset()
    expect([form.values.name, form.errors.value]).toEqual(['Ana', {}])
  })
})
