import type { ConfirmDialogProps } from '../components/confirm/ConfirmDialog.vue'

interface PendingConfirm {
  options: ConfirmDialogProps
  resolve: (confirmed: boolean) => void
}

// Module state, not useState: a pending promise cannot travel in the SSR payload, and confirmations
// only ever start from a user's action in the browser.
const pending = shallowRef<PendingConfirm | null>(null)

/**
 * Asks the user to confirm, through the one `ConfirmDialogHost` the layout mounts. Resolves `true` on
 * confirm, `false` on cancel or Escape (or when another confirmation replaces this one).
 *
 * @example
 * const confirm = useConfirm()
 * if (await confirm({ title: t('users.delete.title'), tone: 'danger', confirmText: user.email }))
 *   await $fetch(`/api/tenants/${slug}/members/${user.id}`, { method: 'DELETE' })
 */
export function useConfirm() {
  return (options: ConfirmDialogProps) => new Promise<boolean>((resolve) => {
    pending.value?.resolve(false)
    pending.value = { options, resolve }
  })
}

/** For `ConfirmDialogHost`: the confirmation being asked and how to answer it. */
export function usePendingConfirm() {
  return {
    pending: readonly(pending),
    answer(confirmed: boolean) {
      const current = pending.value
      pending.value = null
      current?.resolve(confirmed)
    },
  }
}
