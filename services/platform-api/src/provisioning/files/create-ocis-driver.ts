import type { z } from 'zod'
import type { TOcisDrive, TOcisUser } from './ocis-schemas'
import { permanent, retryable } from '../upstream-error'
import { createUpstreamFetch, failOn } from '../upstream-fetch'
import { ZOcisDrive, ZOcisDriveList, ZOcisInvited, ZOcisPermission, ZOcisUser, ZOcisUserList } from './ocis-schemas'

export interface OcisDriverOptions {
  /** OCIS's public URL, e.g. `https://cloud.example.com` (the driver adds `/graph`). */
  baseUrl: string
  /** An OIDC access token or API token of an admin (sent as Bearer)… */
  bearerToken?: string
  /** …or an admin's app token (OCIS `auth-app` service), sent as Basic `user:token`. */
  appToken?: { user: string, token: string }
  timeoutMs: number
  fetch?: typeof fetch
}

export interface SpaceChanges {
  quotaTotal?: number
  description?: string
}

/** One libregraph call per method; errors are UpstreamErrors quoting OCIS's own error body. */
export interface OcisDriver {
  /** Every project space, or with `id` only that drive (OCIS filters drives by type or id, nothing else). */
  listProjectSpaces: (signal?: AbortSignal, only?: { id: string }) => Promise<TOcisDrive[]>
  createSpace: (input: { name: string, description: string, quotaTotal: number }, signal?: AbortSignal) => Promise<TOcisDrive>
  updateSpace: (driveId: string, changes: SpaceChanges, options: { restore?: boolean, signal?: AbortSignal }) => Promise<TOcisDrive>
  disableSpace: (driveId: string, signal?: AbortSignal) => Promise<void>
  purgeSpace: (driveId: string, signal?: AbortSignal) => Promise<void>
  /** Grants a role on the space root; false when the user already has a permission there (409). */
  invite: (driveId: string, userId: string, roleId: string, signal?: AbortSignal) => Promise<boolean>
  setRole: (driveId: string, userId: string, roleId: string, signal?: AbortSignal) => Promise<void>
  removePermission: (driveId: string, userId: string, signal?: AbortSignal) => Promise<void>
  findUserByEmail: (email: string, signal?: AbortSignal) => Promise<TOcisUser | undefined>
  createUser: (input: { email: string, name: string }, signal?: AbortSignal) => Promise<TOcisUser>
  /** The user the driver authenticates as. */
  me: (signal?: AbortSignal) => Promise<TOcisUser>
}

/**
 * A libregraph client for what the files step needs, over {@link createUpstreamFetch} (deadline per call,
 * 429/5xx/timeouts retryable).
 *
 * @example
 * const ocis = createOcisDriver({ baseUrl: 'http://127.0.0.1:4030', bearerToken: 'dev-ocis-admin-token', timeoutMs: 10_000 })
 * const spaces = await ocis.listProjectSpaces()
 */
export function createOcisDriver(options: OcisDriverOptions): OcisDriver {
  const upstreamFetch = createUpstreamFetch({ upstream: 'ocis', timeoutMs: options.timeoutMs, fetch: options.fetch })
  const base = `${options.baseUrl.replace(/\/+$/, '')}/graph`
  if (!options.bearerToken && !options.appToken)
    throw new Error('createOcisDriver needs a bearerToken or an appToken')
  const authorization: string = options.bearerToken
    ? `Bearer ${options.bearerToken}`
    : `Basic ${Buffer.from(`${options.appToken!.user}:${options.appToken!.token}`).toString('base64')}`

  async function call(method: string, path: string, init: { body?: unknown, headers?: Record<string, string>, signal?: AbortSignal } = {}) {
    return upstreamFetch(`${base}${path}`, {
      method,
      headers: {
        authorization,
        accept: 'application/json',
        ...(init.body === undefined
          ? {}
          : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body: init.body === undefined
        ? undefined
        : JSON.stringify(init.body),
      signal: init.signal,
    })
  }

  async function parsed<T>(response: Response, schema: z.ZodType<T>, what: string): Promise<T> {
    if (!response.ok)
      await failOn('ocis', response, what)
    const result = schema.safeParse(await response.json().catch(() => undefined))
    if (!result.success)
      throw permanent('ocis', `${what} answered an unexpected body: ${result.error.message.slice(0, 300)}`)
    return result.data
  }

  /** A space listed a moment ago that is gone now was purged behind our back: the next attempt re-reads. */
  async function expectDone(response: Response, what: string): Promise<void> {
    if (response.status === 404)
      throw retryable('ocis', `${what}: the space is gone (404); the next attempt re-reads`, { status: 404 })
    if (!response.ok)
      await failOn('ocis', response, what)
  }

  const drive = (id: string) => `/v1.0/drives/${encodeURIComponent(id)}`
  const root = (id: string) => `/v1beta1/drives/${encodeURIComponent(id)}/root`

  return {
    async listProjectSpaces(signal, only) {
      // The v1beta1 list carries each space's permissions, so one read shows the members too.
      const filter = encodeURIComponent(only
        ? `id eq '${only.id.replaceAll('\'', '\'\'')}'`
        : 'driveType eq \'project\'')
      const list = await parsed(await call('GET', `/v1beta1/drives?$filter=${filter}`, { signal }), ZOcisDriveList, 'listing project spaces')
      return list.value ?? []
    },
    async createSpace(input, signal) {
      const body = {
        name: input.name,
        description: input.description,
        quota: { total: input.quotaTotal },
        driveType: 'project',
      }
      return parsed(await call('POST', '/v1.0/drives', { body, signal }), ZOcisDrive, `creating space ${input.name}`)
    },
    async updateSpace(driveId, changes, { restore, signal }) {
      const body: Record<string, unknown> = {}
      if (changes.quotaTotal !== undefined)
        body.quota = { total: changes.quotaTotal }
      if (changes.description !== undefined)
        body.description = changes.description
      const response = await call('PATCH', drive(driveId), {
        body,
        signal,
        headers: restore
          ? { Restore: 'true' }
          : {},
      })
      if (response.status === 404)
        await expectDone(response, `updating space ${driveId}`)
      return parsed(response, ZOcisDrive, `updating space ${driveId}`)
    },
    async disableSpace(driveId, signal) {
      await expectDone(await call('DELETE', drive(driveId), { signal }), `disabling space ${driveId}`)
    },
    async purgeSpace(driveId, signal) {
      await expectDone(await call('DELETE', drive(driveId), {
        signal,
        headers: { Purge: 'T' },
      }), `purging space ${driveId}`)
    },
    async invite(driveId, userId, roleId, signal) {
      const body = {
        recipients: [
          { 'objectId': userId, '@libre.graph.recipient.type': 'user' },
        ],
        roles: [roleId],
      }
      const response = await call('POST', `${root(driveId)}/invite`, { body, signal })
      if (response.status === 409)
        return false
      await parsed(response, ZOcisInvited, `inviting ${userId} to ${driveId}`)
      return true
    },
    async setRole(driveId, userId, roleId, signal) {
      const response = await call('PATCH', `${root(driveId)}/permissions/${encodeURIComponent(`u:${userId}`)}`, {
        body: {
          roles: [roleId],
        },
        signal,
      })
      await parsed(response, ZOcisPermission, `changing the role of ${userId} in ${driveId}`)
    },
    async removePermission(driveId, userId, signal) {
      const response = await call('DELETE', `${root(driveId)}/permissions/${encodeURIComponent(`u:${userId}`)}`, { signal })
      if (response.status !== 404)
        await expectDone(response, `removing ${userId} from ${driveId}`)
    },
    async findUserByEmail(email, signal) {
      // OCIS's $filter refuses `mail eq …` (501); $search matches mail, name and user name as substrings.
      const search = encodeURIComponent(`"${email}"`)
      const list = await parsed(await call('GET', `/v1.0/users?$search=${search}`, { signal }), ZOcisUserList, `looking up user ${email}`)
      const wanted = email.toLowerCase()
      return (list.value ?? []).find(user => user.mail?.toLowerCase() === wanted || user.onPremisesSamAccountName?.toLowerCase() === wanted)
    },
    async createUser(input, signal) {
      const body = {
        displayName: input.name || input.email,
        onPremisesSamAccountName: input.email,
        mail: input.email,
        accountEnabled: true,
      }
      return parsed(await call('POST', '/v1.0/users', { body, signal }), ZOcisUser, `creating user ${input.email}`)
    },
    async me(signal) {
      return parsed(await call('GET', '/v1.0/me', { signal }), ZOcisUser, 'reading the signed-in user')
    },
  }
}
