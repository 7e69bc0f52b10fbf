import type { TTenantRole } from '@dezky/contracts'
import type { Group } from '@goauthentik/api'
import type { FieldChange } from '../../db/schema'
import type { StepContext } from '../step'
import type { AuthentikDriver } from './authentik-driver'
import { UpstreamError } from '../upstream-error'
import { isOurGroup, ourMarker, roleGroupName } from './tenant-groups'

export interface EnsureRoleGroupInput {
  slug: string
  role: TTenantRole
  /** The tenant's groups as findTenantGroups listed them. */
  listed: Group[]
  /** The uuid this step saw last time, to find the group again after someone renamed it. */
  observedUuid?: string
}

async function findRenamed(driver: AuthentikDriver, uuid: string, signal: AbortSignal): Promise<Group | undefined> {
  try {
    return await driver.call(`read group ${uuid}`, init => driver.core.coreGroupsRetrieve({ groupUuid: uuid, includeUsers: true }, init), signal)
  }
  catch (error) {
    if (error instanceof UpstreamError && error.details.status === 404)
      return undefined
    throw error
  }
}

/**
 * The role group `tenant:<slug>:<role>`: adopted when it exists (and marked as ours), renamed back when
 * the group we made last time was renamed, created otherwise. Returns it with its members.
 */
export async function ensureRoleGroup(driver: AuthentikDriver, ctx: StepContext, input: EnsureRoleGroupInput): Promise<Group> {
  const { slug, role, listed, observedUuid } = input
  const name = roleGroupName(slug, role)
  const marker = ourMarker(slug, role)
  let group = listed.find(candidate => candidate.name === name)
    ?? listed.find(candidate => candidate.pk === observedUuid && isOurGroup(candidate, slug, role))
  if (!group && observedUuid) {
    const renamed = await findRenamed(driver, observedUuid, ctx.signal)
    group = renamed && isOurGroup(renamed, slug, role)
      ? renamed
      : undefined
  }

  if (!group) {
    const created = await driver.call(`create group ${name}`, init => driver.core.coreGroupsCreate({
      groupRequest: {
        name,
        attributes: { dezky: marker },
      },
    }, init), ctx.signal)
    await ctx.recordWrite({
      upstream: 'authentik',
      action: 'authentik.group.create',
      targetType: 'authentik.group',
      targetId: created.pk,
      changes: [
        { field: 'name', before: null, after: name },
        { field: 'attributes.dezky', before: null, after: marker },
      ],
    })
    return created
  }

  const changes: FieldChange[] = []
  if (group.name !== name)
    changes.push({ field: 'name', before: group.name, after: name })
  if (!isOurGroup(group, slug, role))
    changes.push({ field: 'attributes.dezky', before: group.attributes?.dezky ?? null, after: marker })
  if (!changes.length)
    return group
  const groupUuid = group.pk
  const updated = await driver.call(`update group ${name}`, init => driver.core.coreGroupsPartialUpdate({
    groupUuid,
    patchedGroupRequest: {
      name,
      attributes: { ...group.attributes, dezky: marker },
    },
  }, init), ctx.signal)
  await ctx.recordWrite({
    upstream: 'authentik',
    action: 'authentik.group.update',
    targetType: 'authentik.group',
    targetId: groupUuid,
    changes,
  })
  return updated
}
