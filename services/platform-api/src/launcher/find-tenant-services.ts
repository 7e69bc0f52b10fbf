import type { TLaunchTarget, TTenantServices } from '@dezky/contracts'
import type { Logger } from 'pino'
import type { Principal } from '../auth/principal'
import type { Config } from '../config'
import type { Queryable } from '../db/client'
import { and, eq } from 'drizzle-orm'
import { provisioningSteps } from '../db/schema'
import { getTenant } from '../tenants/get-tenant'
import { listSsoApplications } from './list-sso-applications'

export interface FindTenantServicesOptions {
  db: Queryable
  principal: Principal
  slug: string
  config: Config
  logger: Logger
}

const isWebUrl = (value: unknown): value is string => typeof value === 'string' && /^https?:\/\/\S+$/i.test(value)

/**
 * What a tenant's people can open: webmail (WEBMAIL_URL), their file space (the address OCIS gave the
 * tenant's space, as the files step recorded it; else FILES_URL) and the SSO applications Authentik lets
 * the caller open (its policy bindings decide, e.g. an application bound to one tenant's groups).
 * A service without an address is left out rather than shown broken.
 */
export async function findTenantServices({ db, principal, slug, config, logger }: FindTenantServicesOptions): Promise<TTenantServices> {
  const tenant = await getTenant({ db, principal, slug })
  const [[files], apps] = await Promise.all([
    db.select({ outputs: provisioningSteps.outputs }).from(provisioningSteps).where(and(eq(provisioningSteps.tenantId, tenant.id), eq(provisioningSteps.step, 'files'))),
    listSsoApplications({ config, logger, subject: principal.subject }),
  ])
  const items: TLaunchTarget[] = []
  if (config.WEBMAIL_URL) {
    items.push({
      key: 'webmail',
      name: 'Webmail',
      url: config.WEBMAIL_URL,
      description: null,
      kind: 'webmail',
    })
  }
  const spaceUrl = files?.outputs.webUrl
  const filesUrl = isWebUrl(spaceUrl)
    ? spaceUrl
    : config.FILES_URL
  if (filesUrl) {
    items.push({
      key: 'files',
      name: 'Files',
      url: filesUrl,
      description: null,
      kind: 'files',
    })
  }
  for (const app of apps.filter(candidate => !items.some(item => item.key === candidate.slug))) {
    items.push({
      key: app.slug,
      name: app.name,
      url: app.launchUrl,
      description: app.description,
      kind: 'sso',
    })
  }
  return { items }
}
