import type { OcisRequest } from './ocis-request'
import { createDrive, deleteDrive, getDrive, listDrives, updateDrive } from './handle-drives'
import { deleteSpaceRootPermission, inviteToSpaceRoot, listSpaceRootPermissions, updateSpaceRootPermission } from './handle-permissions'
import { createUser, getMe, getUser, listUsers } from './handle-users'

type Handler = (request: OcisRequest) => Promise<void>

interface Route {
  pattern: RegExp
  /** Names of the pattern's capture groups after the version. */
  params: string[]
  methods: Partial<Record<string, Handler>>
}

/** The graph routes the twin serves (services/graph/pkg/service/v0/service.go), under `/graph`. */
export function ocisRoutes(options: { defaultQuota: number }): Route[] {
  const create: Handler = request => createDrive(request, options.defaultQuota)
  return [
    {
      pattern: /^\/graph\/(v1\.0|v1beta1)\/drives$/,
      params: [],
      methods: { GET: listDrives, POST: create },
    },
    {
      pattern: /^\/graph\/(v1\.0|v1beta1)\/drives\/([^/]+)$/,
      params: ['driveId'],
      methods: { GET: getDrive, PATCH: updateDrive, DELETE: deleteDrive },
    },
    {
      pattern: /^\/graph\/(v1beta1)\/drives\/([^/]+)\/root\/invite$/,
      params: ['driveId'],
      methods: { POST: inviteToSpaceRoot },
    },
    {
      pattern: /^\/graph\/(v1beta1)\/drives\/([^/]+)\/root\/permissions$/,
      params: ['driveId'],
      methods: { GET: listSpaceRootPermissions },
    },
    {
      pattern: /^\/graph\/(v1beta1)\/drives\/([^/]+)\/root\/permissions\/([^/]+)$/,
      params: ['driveId', 'permissionId'],
      methods: { PATCH: updateSpaceRootPermission, DELETE: deleteSpaceRootPermission },
    },
    {
      pattern: /^\/graph\/(v1\.0)\/users$/,
      params: [],
      methods: { GET: listUsers, POST: createUser },
    },
    {
      pattern: /^\/graph\/(v1\.0)\/users\/([^/]+)$/,
      params: ['userId'],
      methods: { GET: getUser },
    },
    {
      pattern: /^\/graph\/(v1\.0)\/me$/,
      params: [],
      methods: { GET: getMe },
    },
  ]
}

/** The route for a path (trailing slashes stripped, as chi's StripSlashes does), with its parameters. */
export function matchOcisRoute(routes: Route[], pathname: string): { route: Route, version: 'v1.0' | 'v1beta1', params: Record<string, string> } | undefined {
  const path = pathname.length > 1
    ? pathname.replace(/\/+$/, '')
    : pathname
  for (const route of routes) {
    const match = route.pattern.exec(path)
    if (!match)
      continue
    const params: Record<string, string> = {}
    route.params.forEach((name, index) => {
      params[name] = decodeURIComponent(match[index + 2]!)
    })
    return { route, version: match[1] as 'v1.0' | 'v1beta1', params }
  }
  return undefined
}
