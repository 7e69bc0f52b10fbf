import { TENANT_SORT_FIELDS } from '@dezky/contracts'

/** Every `sort` the platform API's `GET /tenants` accepts: a field, ascending, or `-field`, descending. */
export const TENANT_LIST_SORTS = TENANT_SORT_FIELDS.flatMap(field => [field, `-${field}`] as const)
/** The API's own default order: the newest tenants first. */
export const DEFAULT_TENANT_LIST_SORT = '-createdAt'
/**
 * The partner filter's choice for customers sold directly (the API's `direct=true`): not a slug, so no
 * partner can be named like it.
 */
export const DIRECT_PARTNER_CHOICE = '(direct)'
