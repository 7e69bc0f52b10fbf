import type { Ref } from 'vue'

export interface ModalDialogOptions {
  /** What Tab cycles through (defaults to inputs, links and enabled buttons). */
  focusable?: string
  /** Where focus goes once the dialog is shown; nothing is focused when it returns nothing. */
  initialFocus?: () => HTMLElement | null | undefined
  /** Runs on every opening, before the dialog is shown (reset the dialog's fields here). */
  onOpen?: () => void
  /** Open at once when `open` is already true on mount. */
  immediate?: boolean
}

const DEFAULT_FOCUSABLE = 'input, select, textarea, a[href], button:not([disabled])'

/**
 * A native modal `<dialog>` driven by a boolean: `showModal()` / `close()` follow `open`, focus moves into
 * the dialog on opening and back to whatever opened it on closing (so keyboard users keep their place),
 * and `trapTab` (bind it to `@keydown.tab`) keeps Tab cycling inside: a modal dialog keeps focus out of
 * the page, but Tab from its last control would otherwise leave for the browser's own UI.
 */
export function useModalDialog(dialog: Ref<HTMLDialogElement | undefined>, open: Ref<boolean>, options: ModalDialogOptions = {}) {
  let returnFocus: HTMLElement | null = null

  function restoreFocus() {
    returnFocus?.focus()
    returnFocus = null
  }

  watch(open, async (isOpen) => {
    if (isOpen) {
      options.onOpen?.()
      returnFocus = document.activeElement as HTMLElement | null
      await nextTick()
      if (!dialog.value?.open)
        dialog.value?.showModal()
      options.initialFocus?.()?.focus()
    }
    else {
      if (dialog.value?.open)
        dialog.value.close()
      restoreFocus()
    }
  }, { flush: 'post', immediate: options.immediate })
  onBeforeUnmount(restoreFocus)

  function trapTab(event: KeyboardEvent) {
    const items = [
      ...dialog.value?.querySelectorAll<HTMLElement>(options.focusable ?? DEFAULT_FOCUSABLE) ?? [],
    ]
    const first = items[0]
    const last = items.at(-1)
    if (!first || !last)
      return
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last.focus()
    }
    else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  return { trapTab }
}
