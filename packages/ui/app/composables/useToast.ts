export type TToastTone = 'success' | 'error' | 'info'

export interface TToast {
  id: number
  tone: TToastTone
  /** Already translated. */
  message: string
  /** Milliseconds before it goes away on its own (paused while hovered or focused); 0 keeps it. */
  timeout: number
}

const DEFAULT_TIMEOUT: Record<TToastTone, number> = { success: 5000, info: 5000, error: 8000 }
let lastId = 0

/**
 * Short notices shown by the `FeedbackToaster` the layout mounts (a polite live region).
 *
 * @example
 * const toast = useToast()
 * toast.success(t('users.invited', { email }))
 * toast.error(t('users.inviteFailed'), { timeout: 0 })
 */
export function useToast() {
  const toasts = useState<TToast[]>('dz-toasts', () => [])

  function show(tone: TToastTone, message: string, options: { timeout?: number } = {}) {
    const toast = {
      id: ++lastId,
      tone,
      message,
      timeout: options.timeout ?? DEFAULT_TIMEOUT[tone],
    }
    toasts.value = [...toasts.value, toast]
    return toast.id
  }

  function dismiss(id: number) {
    toasts.value = toasts.value.filter(toast => toast.id !== id)
  }

  return {
    toasts: readonly(toasts),
    show,
    success: (message: string, options?: { timeout?: number }) => show('success', message, options),
    error: (message: string, options?: { timeout?: number }) => show('error', message, options),
    info: (message: string, options?: { timeout?: number }) => show('info', message, options),
    dismiss,
  }
}
