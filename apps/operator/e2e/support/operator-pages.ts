import { SEED_TENANTS } from './demo'

const tenant = `/tenants/${SEED_TENANTS[0]!.slug}`

/** Every page of the console an operator reaches (the tenant area), for the accessibility and token-leak crawls. */
export const OPERATOR_PAGES = [
  '/',
  '/tenants',
  '/tenants?status=active&sort=-name',
  tenant,
  `${tenant}/users`,
  `${tenant}/domains`,
  `${tenant}/provisioning`,
  `${tenant}/flags`,
  `${tenant}/audit`,
  `${tenant}/danger`,
  '/team',
  '/infrastructure',
  '/infrastructure/postgres',
  '/flags',
  '/flags?archived=include&type=release',
  '/flags/new',
  '/flags/stale',
  '/flags/segments',
]
