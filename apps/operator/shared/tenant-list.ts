/** What the platform API's `GET /tenants` sorts by (its `TENANT_SORT_FIELDS`). */
export const TENANT_LIST_SORT_FIELDS = ['name', 'slug', 'status', 'createdAt'] as const
export type TTenantListSortField = typeof TENANT_LIST_SORT_FIELDS[number]
/** Every accepted `sort` value: a field, ascending, or `-field`, descending. */
export const TENANT_LIST_SORTS = TENANT_LIST_SORT_FIELDS.flatMap(field => [field, `-${field}`] as const)
/** The API's own default order: the newest tenants first. */
export const DEFAULT_TENANT_LIST_SORT = '-createdAt'
