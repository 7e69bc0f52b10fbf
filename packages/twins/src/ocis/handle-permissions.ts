import type { OcisRequest } from './ocis-request'
import type { OcisSpace } from './ocis-store'
import { sendEmpty, sendJson } from '../kit/json'
import { formatPermission } from './format-drive'
import { findSpace } from './handle-drives'
import { sendOcisError } from './ocis-errors'
import { readStrictBody } from './ocis-request'
import { MANAGER_ACTIONS, SPACE_ROLES, spaceRoleById } from './ocis-roles'
import { touch } from './ocis-store'

const INVITE_FIELDS = [
  'recipients',
  'roles',
  '@libre.graph.permissions.actions',
  'expirationDateTime',
] as const
const PERMISSION_FIELDS = [
  'id',
  'hasPassword',
  'expirationDateTime',
  'createdDateTime',
  'grantedToV2',
  'link',
  'roles',
  'grantedToIdentities',
  '@libre.graph.permissions.actions',
  'invitation',
] as const
/** Unified roles OCIS knows but that do not apply to a space root (Viewer, Editor, File Editor…). */
const ITEM_ROLE_IDS = new Set(['b1e2218d-eef8-4d4c-b82d-0f1a1b48f3b5', 'fb6c3e19-e378-47e5-b277-9732f9de6e21', '2d00ce52-1fc2-4dbc-8b95-a73b73395f5a'])

/** The space root's permissions need a readable root: a disabled space answers as not found. */
function enabledSpace(request: OcisRequest): OcisSpace | undefined {
  const space = findSpace(request)
  if (space?.disabledAt) {
    sendOcisError(request.res, 404, 'itemNotFound', 'drive not found')
    return undefined
  }
  return space
}

function grantedUserId(request: OcisRequest, space: OcisSpace): string | undefined {
  const permissionId = request.params.permissionId ?? ''
  const userId = permissionId.startsWith('u:')
    ? permissionId.slice(2)
    : undefined
  if (!userId || !space.grants.has(userId)) {
    sendOcisError(request.res, 404, 'itemNotFound', 'permission not found')
    return undefined
  }
  return userId
}

/** A role id the request may grant on a space root, or the 400 answer already sent. */
function spaceRoleOf(request: OcisRequest, roles: unknown): string | undefined {
  if (!Array.isArray(roles) || roles.length !== 1 || typeof roles[0] !== 'string') {
    sendOcisError(request.res, 400, 'invalidRequest', 'Key: \'DriveItemInvite.Roles\' Error:Field validation for \'Roles\' failed on the \'max\' tag')
    return undefined
  }
  const role = spaceRoleById(roles[0])
  if (!role) {
    sendOcisError(request.res, 400, 'invalidRequest', ITEM_ROLE_IDS.has(roles[0])
      ? 'role not applicable to this resource'
      : `Key: 'DriveItemInvite.Roles[0]' Error:Field validation for 'Roles[0]' failed on the 'available_role' tag`)
    return undefined
  }
  return role.id
}

export async function inviteToSpaceRoot(request: OcisRequest): Promise<void> {
  const read = await readStrictBody(request.req, INVITE_FIELDS)
  if ('error' in read)
    return sendOcisError(request.res, 400, 'invalidRequest', 'invalid request body')
  const recipients = read.body.recipients
  const recipient = Array.isArray(recipients)
    ? recipients[0] as Record<string, unknown> | undefined
    : undefined
  if (!recipient || typeof recipient.objectId !== 'string' || !recipient.objectId)
    return sendOcisError(request.res, 400, 'invalidRequest', 'Key: \'DriveItemInvite.Recipients\' Error:Field validation for \'Recipients\' failed on the \'min\' tag')
  const roleId = spaceRoleOf(request, read.body.roles)
  if (!roleId)
    return
  const space = enabledSpace(request)
  if (!space)
    return
  if ((recipient['@libre.graph.recipient.type'] ?? 'user') === 'group')
    return sendOcisError(request.res, 400, 'invalidRequest', 'itemNotFound: group not found')
  const user = request.store.users.get(recipient.objectId)
  if (!user)
    return sendOcisError(request.res, 400, 'invalidRequest', 'itemNotFound: user not found')
  // decomposedfs AddGrant refuses an existing grantee (CODE_ALREADY_EXISTS → 409).
  if (space.grants.has(user.id))
    return sendOcisError(request.res, 409, 'nameAlreadyExists', `${space.spaceId}/${space.spaceId}`)
  space.grants.set(user.id, { userId: user.id, roleId })
  touch(space)
  request.twin.countWrite('permission.invite')
  sendJson(request.res, 200, {
    value: [
      {
        ...formatPermission(request.store, space, user.id, 'v1beta1'),
        invitation: {
          invitedBy: {
            user: { id: request.principal.id, displayName: request.principal.displayName },
          },
        },
      },
    ],
  })
}

export async function listSpaceRootPermissions(request: OcisRequest): Promise<void> {
  const space = enabledSpace(request)
  if (!space)
    return
  sendJson(request.res, 200, {
    '@libre.graph.permissions.actions.allowedValues': MANAGER_ACTIONS,
    '@libre.graph.permissions.roles.allowedValues': SPACE_ROLES.map(role => ({
      'id': role.id,
      'description': role.description,
      'displayName': role.displayName,
      '@libre.graph.weight': role.weight,
    })),
    'value': [
      ...space.grants.keys(),
    ].map(userId => formatPermission(request.store, space, userId, 'v1beta1')),
  })
}

export async function updateSpaceRootPermission(request: OcisRequest): Promise<void> {
  const read = await readStrictBody(request.req, PERMISSION_FIELDS)
  if ('error' in read)
    return sendOcisError(request.res, 400, 'invalidRequest', 'invalid request body')
  const space = enabledSpace(request)
  if (!space)
    return
  const userId = grantedUserId(request, space)
  if (!userId)
    return
  if (read.body.roles !== undefined) {
    const roleId = spaceRoleOf(request, read.body.roles)
    if (!roleId)
      return
    space.grants.set(userId, { userId, roleId })
    touch(space)
    request.twin.countWrite('permission.update')
  }
  sendJson(request.res, 200, formatPermission(request.store, space, userId, 'v1beta1'))
}

export async function deleteSpaceRootPermission(request: OcisRequest): Promise<void> {
  const space = enabledSpace(request)
  if (!space)
    return
  const userId = grantedUserId(request, space)
  if (!userId)
    return
  space.grants.delete(userId)
  touch(space)
  request.twin.countWrite('permission.delete')
  sendEmpty(request.res, 204)
}
