import type { TPaletteItem } from '~/composables/useCommandPaletteSearch'

type TProvisioningAction = Extract<TPaletteItem, { kind: 'action' }>

/**
 * Runs a palette's reconcile or retry command: asks first, calls the tenant's BFF route (the one the
 * Provisioning tab uses), says how it went in a toast and refreshes what the page shows.
 *
 * @example
 * const runProvisioning = useCommandPaletteRun()
 * await runProvisioning(item) // item.command.verb: 'reconcile' | 'retry'
 */
export function useCommandPaletteRun() {
  const { t, te } = useI18n()
  const confirm = useConfirm()
  const toast = useToast()

  function failureMessage(error: unknown) {
    const status = (error as { statusCode?: number }).statusCode
    return status && te(`palette.failed.${status}`)
      ? t(`palette.failed.${status}`)
      : t('palette.failed.default')
  }

  return async (item: TProvisioningAction) => {
    const { verb, step } = item.command
    const { slug, name } = item.tenant
    const stepLabel = step
      ? t(`palette.steps.${step}`)
      : ''
    const confirmed = await confirm({
      title: t(`palette.confirm.${verb}.title`, { slug, step: stepLabel }),
      message: t(`palette.confirm.${verb}.body`, { name }),
      confirmLabel: t(`palette.confirm.${verb}.accept`),
    })
    if (!confirmed)
      return
    try {
      await $fetch(verb === 'retry'
        ? `/api/tenants/${slug}/provisioning/${step}/retry`
        : `/api/tenants/${slug}/reconcile`, { method: 'POST' })
      toast.success(t(`palette.done.${verb}`, { slug, step: stepLabel }))
      await refreshNuxtData()
    }
    catch (error) {
      toast.error(failureMessage(error))
    }
  }
}
