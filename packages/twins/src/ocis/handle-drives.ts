import type { OcisRequest } from './ocis-request'
import type { OcisSpace } from './ocis-store'
import { sendEmpty, sendJson } from '../kit/json'
import { formatDrive } from './format-drive'
import { listedSpaces } from './list-drives'
import { sendOcisError } from './ocis-errors'
import { parseBoolHeader, readStrictBody } from './ocis-request'
import { createSpace, spaceIdFromDriveId, touch } from './ocis-store'

const DRIVE_FIELDS = [
  'id',
  'createdBy',
  'createdDateTime',
  'description',
  'eTag',
  'lastModifiedBy',
  'lastModifiedDateTime',
  'name',
  'parentReference',
  'webUrl',
  'driveType',
  'driveAlias',
  'owner',
  'quota',
  'items',
  'root',
  'special',
] as const
const INVALID_NAME_CHARACTERS = [
  '/',
  '\\',
  '.',
  ':',
  '?',
  '*',
  '"',
  '>',
  '<',
  '|',
]

/** OCIS's validateSpaceName (services/graph drives.go); undefined when valid. */
export function spaceNameError(name: string): string | undefined {
  if (name === '')
    return 'spacename must not be empty'
  if (name.length > 255)
    return 'spacename must be smaller than 255'
  if (INVALID_NAME_CHARACTERS.some(character => name.includes(character)))
    return `spacenames must not contain [${INVALID_NAME_CHARACTERS.join(' ')}]`
  return undefined
}

/** The space a `{drive-id}` path parameter names, or an answer already sent (400 unparsable, 404 unknown). */
export function findSpace(request: OcisRequest): OcisSpace | undefined {
  const spaceId = spaceIdFromDriveId(request.params.driveId ?? '')
  if (!spaceId) {
    sendOcisError(request.res, 400, 'invalidRequest', 'invalid driveID or itemID')
    return undefined
  }
  const space = request.store.spaces.get(spaceId)
  if (!space)
    sendOcisError(request.res, 404, 'itemNotFound', 'drive not found')
  return space
}

function quotaTotalOf(body: Record<string, unknown>): number | undefined | 'invalid' {
  if (body.quota === undefined)
    return undefined
  const total = (body.quota as { total?: unknown } | null)?.total
  if (total === undefined)
    return undefined
  return Number.isSafeInteger(total)
    ? total as number
    : 'invalid'
}

export async function listDrives(request: OcisRequest): Promise<void> {
  const spaces = listedSpaces(request)
  if (!spaces)
    return
  sendJson(request.res, 200, {
    value: spaces.map(space => formatDrive(request.store, space, request.version, request.baseUrl)),
  })
}

export async function createDrive(request: OcisRequest, defaultQuota: number): Promise<void> {
  const read = await readStrictBody(request.req, DRIVE_FIELDS)
  if ('error' in read || typeof read.body.name !== 'string' || (read.body.description !== undefined && typeof read.body.description !== 'string'))
    return sendOcisError(request.res, 400, 'invalidRequest', 'invalid body schema definition')
  const { body } = read
  const name = (body.name as string).trim()
  const nameError = spaceNameError(name)
  if (nameError)
    return sendOcisError(request.res, 400, 'invalidRequest', `invalid spacename: ${nameError}`)
  if (body.driveType !== undefined && body.driveType !== '' && body.driveType !== 'project')
    return sendOcisError(request.res, 400, 'invalidRequest', 'drives of this type cannot be created via this api')
  const total = quotaTotalOf(body)
  if (total === 'invalid')
    return sendOcisError(request.res, 400, 'invalidRequest', 'invalid body schema definition')
  const space = createSpace(request.store, {
    name,
    description: body.description as string | undefined,
    // A negative total falls back to the default quota, as getQuota does.
    quotaTotal: total !== undefined && total >= 0
      ? total
      : defaultQuota,
    creatorId: request.principal.id,
  })
  request.twin.countWrite('drive.create')
  sendJson(request.res, 201, formatDrive(request.store, space, 'v1.0', request.baseUrl))
}

export async function getDrive(request: OcisRequest): Promise<void> {
  const space = findSpace(request)
  if (space)
    sendJson(request.res, 200, formatDrive(request.store, space, request.version, request.baseUrl))
}

export async function updateDrive(request: OcisRequest): Promise<void> {
  const read = await readStrictBody(request.req, DRIVE_FIELDS)
  if ('error' in read)
    return sendOcisError(request.res, 400, 'invalidRequest', `invalid request body: error: ${read.error}`)
  const space = findSpace(request)
  if (!space)
    return
  const { body } = read
  const restore = parseBoolHeader(request.req.headers.restore)
  const name = typeof body.name === 'string'
    ? body.name.trim()
    : ''
  if (name) {
    const nameError = spaceNameError(name)
    if (nameError)
      return sendOcisError(request.res, 400, 'generalException', nameError)
  }
  const total = quotaTotalOf(body)
  if (total === 'invalid' || (total !== undefined && total < 0))
    return sendOcisError(request.res, 400, 'invalidRequest', 'invalid request body: error: quota.total')
  if (name)
    space.name = name
  if (typeof body.description === 'string')
    space.description = body.description
  if (total !== undefined)
    space.quotaTotal = total
  if (restore)
    space.disabledAt = undefined
  touch(space)
  request.twin.countWrite(restore
    ? 'drive.restore'
    : 'drive.update')
  sendJson(request.res, 200, formatDrive(request.store, space, 'v1.0', request.baseUrl))
}

export async function deleteDrive(request: OcisRequest): Promise<void> {
  const space = findSpace(request)
  if (!space)
    return
  if (parseBoolHeader(request.req.headers.purge)) {
    // decomposedfs DeleteStorageSpace: purging needs a disabled space (CODE_INVALID_ARGUMENT → 400).
    if (!space.disabledAt)
      return sendOcisError(request.res, 400, 'invalidRequest', 'can\'t purge enabled space')
    request.store.spaces.delete(space.spaceId)
    request.twin.countWrite('drive.purge')
    return sendEmpty(request.res, 204)
  }
  space.disabledAt = new Date().toISOString()
  touch(space)
  request.twin.countWrite('drive.disable')
  sendEmpty(request.res, 204)
}
