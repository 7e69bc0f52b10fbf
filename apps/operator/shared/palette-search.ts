import type { TPartner, TTenant, TUserSearchItem } from '@dezky/contracts'

export type TSearchGroup = 'tenants' | 'partners' | 'users'

/** The answer of the BFF's `GET /api/search`: what the command palette can jump to. */
export interface TSearchResult {
  tenants: Pick<TTenant, 'slug' | 'name' | 'status'>[]
  partners: Pick<TPartner, 'slug' | 'name'>[]
  users: Pick<TUserSearchItem, 'id' | 'email' | 'name'>[]
  /** Kinds the API would not search for this operator (or failed to): shown as such, not as "none". */
  unavailable: TSearchGroup[]
}
