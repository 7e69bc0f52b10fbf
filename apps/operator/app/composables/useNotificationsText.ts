import type { TNotification } from '~/utils/notification-events'

/**
 * A notification as one human sentence in the console's language (the upstream's error text, in
 * English from the API, is shown apart as detail).
 *
 * @example
 * const sentence = useNotificationsText()
 * sentence(item) // "Files failed for acme (attempt 2). It will be tried again."
 */
export function useNotificationsText() {
  const { t } = useI18n()
  return (item: TNotification): string => {
    if (item.type === 'probe.changed') {
      const probe = t(`notifications.probes.${item.data.name}`)
      return item.data.status === 'failed'
        ? t('notifications.probeDown', { probe })
        : t('notifications.probeUp', { probe })
    }
    const { step, tenantSlug, attempts, retrying } = item.data
    const failed = t('notifications.provisioningFailed', {
      step: t(`notifications.steps.${step}`),
      tenant: tenantSlug,
      attempts,
    })
    return `${failed} ${retrying
      ? t('notifications.retrying')
      : t('notifications.resting')}`
  }
}
