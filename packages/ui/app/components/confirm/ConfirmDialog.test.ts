import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '../../../test/setup'
import { useConfirm } from '../../composables/useConfirm'
import ConfirmDialog from './ConfirmDialog.vue'
import ConfirmDialogHost from './ConfirmDialogHost.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

async function openDialog(props: Record<string, unknown> = {}) {
  const opener = document.createElement('button')
  document.body.append(opener)
  opener.focus()
  const wrapper = mount(ConfirmDialog, {
    attachTo: document.body,
    props: {
      'title': 'Delete Acme?',
      'message': 'This cannot be undone.',
      'open': false,
      'onUpdate:open': (open: boolean) => wrapper.setProps({ open }),
      ...props,
    },
  })
  await wrapper.setProps({ open: true })
  await flushPromises()
  return { wrapper, opener }
}

describe('confirmDialog', () => {
  it('opens as a labelled modal dialog with translated buttons', async () => {
    const { wrapper } = await openDialog()
    const dialog = wrapper.find('dialog')
    expect((dialog.element as HTMLDialogElement).open).toBe(true)
    expect(wrapper.find(`#${dialog.attributes('aria-labelledby')}`).text()).toBe('Delete Acme?')
    expect(wrapper.find(`#${dialog.attributes('aria-describedby')}`).text()).toBe('This cannot be undone.')
    expect(wrapper.find('[data-testid="confirm-cancel"]').text()).toBe('Cancel')
    expect(wrapper.find('[data-testid="confirm-accept"]').text()).toBe('Confirm')
    expect(document.activeElement).toBe(wrapper.find('[data-testid="confirm-accept"]').element)
  })

  it('escape cancels and focus returns to the opener', async () => {
    const { wrapper, opener } = await openDialog()
    await wrapper.find('dialog').trigger('keydown', { key: 'Escape' })
    await flushPromises()
    expect(wrapper.emitted('cancel')).toHaveLength(1)
    expect(wrapper.emitted('confirm')).toBeUndefined()
    expect((wrapper.find('dialog').element as HTMLDialogElement).open).toBe(false)
    expect(document.activeElement).toBe(opener)
  })

  it('danger tone starts on Cancel and keeps Tab inside the dialog', async () => {
    const { wrapper } = await openDialog({ tone: 'danger' })
    const [cancel, accept] = [
      wrapper.find('[data-testid="confirm-cancel"]'),
      wrapper.find('[data-testid="confirm-accept"]'),
    ]
    expect(document.activeElement).toBe(cancel.element)
    expect(accept.classes()).toContain('dz-button-danger')
    const acceptButton: HTMLElement = accept.element as HTMLElement
    acceptButton.focus()
    await wrapper.find('dialog').trigger('keydown', { key: 'Tab' })
    expect(document.activeElement).toBe(cancel.element)
    await wrapper.find('dialog').trigger('keydown', { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(accept.element)
  })

  it.each([
    ['', false],
    ['acm', false],
    ['ACME', false],
    ['acme', true],
    [' acme ', true],
  ])('typed confirmation %j enables confirm: %s', async (text, enabled) => {
    const { wrapper } = await openDialog({ confirmText: 'acme', tone: 'danger' })
    expect(document.activeElement).toBe(wrapper.find('[data-testid="confirm-input"]').element)
    expect(wrapper.find('label').text()).toBe('Type acme to confirm')
    await wrapper.find('[data-testid="confirm-input"]').setValue(text)
    expect(wrapper.find('[data-testid="confirm-accept"]').attributes('disabled') === undefined).toBe(enabled)
    await wrapper.find('form').trigger('submit')
    expect(wrapper.emitted('confirm')?.length ?? 0).toBe(enabled ? 1 : 0)
  })

  it('speaks Portuguese', async () => {
    i18n.global.locale.value = 'pt-BR'
    const { wrapper } = await openDialog({ confirmText: 'acme' })
    expect(wrapper.find('label').text()).toBe('Digite acme para confirmar')
    expect(wrapper.find('[data-testid="confirm-cancel"]').text()).toBe('Cancelar')
  })
})

describe('useConfirm', () => {
  it.each([
    ['confirm', true],
    ['cancel', false],
    ['escape', false],
  ])('%s resolves %s', async (action, expected) => {
    const wrapper = mount(ConfirmDialogHost, { attachTo: document.body })
    expect((wrapper.find('dialog').element as HTMLDialogElement).open).toBe(false)
    const answer = useConfirm()({ title: 'Remove Bruno?', confirmLabel: 'Remove', tone: 'danger' })
    await flushPromises()
    expect((wrapper.find('dialog').element as HTMLDialogElement).open).toBe(true)
    expect(wrapper.find('h2').text()).toBe('Remove Bruno?')
    expect(wrapper.find('[data-testid="confirm-accept"]').text()).toBe('Remove')
    if (action === 'confirm')
      await wrapper.find('form').trigger('submit')
    else if (action === 'cancel')
      await wrapper.find('[data-testid="confirm-cancel"]').trigger('click')
    else
      await wrapper.find('dialog').trigger('keydown', { key: 'Escape' })
    expect(await answer).toBe(expected)
    await flushPromises()
    expect((wrapper.find('dialog').element as HTMLDialogElement).open).toBe(false)
  })

  it('a newer confirmation answers the older one with false', async () => {
    mount(ConfirmDialogHost, { attachTo: document.body })
    const first = useConfirm()({ title: 'First' })
    const second = useConfirm()({ title: 'Second' })
    expect(await first).toBe(false)
    await flushPromises()
    expect(document.querySelector('h2')?.textContent?.trim()).toBe('Second')
    document.querySelector<HTMLElement>('[data-testid="confirm-cancel"]')!.click()
    expect(await second).toBe(false)
  })
})
