import type { TTenant } from '@dezky/contracts'
import type { DesiredMode } from './step'

/**
 * What a tenant's status asks of the upstreams. An offboarding tenant is suspended during its grace
 * period (it can still be resumed with nothing lost) and removed after it.
 */
export function desiredMode(status: TTenant['status'], offboardAfter: Date | null, now = new Date()): DesiredMode {
  switch (status) {
    case 'provisioning':
    case 'active':
      return 'present'
    case 'suspended':
      return 'suspended'
    case 'offboarding':
      return offboardAfter && offboardAfter <= now
        ? 'absent'
        : 'suspended'
    case 'deleted':
      return 'absent'
  }
}
