import type { Twins } from '@dezky/twins'
import type { FleetTenant } from './convergence-fleet'
import { SPACE_VIEWER } from '@dezky/twins'

/**
 * Changes one tenant's objects in all three HTTP twins behind the platform's back, one of four mixes
 * picked by `index`: deleted objects, lost memberships, changed roles and quotas, disabled accounts and
 * spaces, a renamed role group, a deleted mail domain (its DKIM keys with it).
 */
export function driftTenant(twins: Twins, tenant: FleetTenant, index: number): void {
  const { slug, domain } = tenant
  const space = twins.ocis.spaces().find(s => s.name === slug)!.spaceId
  const ocisIdOf = (email: string) => twins.ocis.users().find(user => user.mail === email)!.id
  const mixes = [
    () => {
      twins.idp.authentik.drift({ action: 'deleteGroup', group: `tenant:${slug}:admin` })
      twins.stalwart.drift({ action: 'deleteAccount', email: `ana@${domain}` })
      twins.ocis.drift({
        action: 'removeMember',
        spaceId: space,
        userId: ocisIdOf(`owner@${domain}`),
      })
    },
    () => {
      twins.idp.authentik.drift({ action: 'removeUserFromGroup', username: `owner@${domain}`, group: `tenant:${slug}:owner` })
      twins.stalwart.drift({ action: 'setAccountQuota', email: `owner@${domain}`, maxDiskQuota: 1 })
      twins.ocis.drift({
        action: 'setMemberRole',
        spaceId: space,
        userId: ocisIdOf(`ana@${domain}`),
        roleId: SPACE_VIEWER.id,
      })
    },
    () => {
      twins.idp.authentik.drift({ action: 'deactivateUser', username: `ana@${domain}` })
      twins.stalwart.drift({ action: 'disableAccount', email: `owner@${domain}` })
      twins.ocis.drift({ action: 'disableSpace', spaceId: space })
    },
    () => {
      twins.idp.authentik.drift({ action: 'renameGroup', group: `tenant:${slug}:owner`, to: `stolen-${slug}` })
      twins.stalwart.drift({ action: 'deleteDomain', name: domain })
      twins.ocis.drift({ action: 'setQuota', spaceId: space, total: 1 })
    },
  ]
  mixes[index % mixes.length]!()
}
