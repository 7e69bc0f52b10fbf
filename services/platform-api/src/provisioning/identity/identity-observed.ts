import { TENANT_ROLES } from '@dezky/contracts'
import { z } from 'zod'

/** What the identity step reports and reads back next time: upstream ids by stable name. */
export const ZIdentityObserved = z.object({
  /** Role → group uuid. */
  groups: z.partialRecord(z.enum(TENANT_ROLES), z.string()).default({}),
  /** Member e-mail → user pk. */
  users: z.record(z.string(), z.number().int()).default({}),
  /** Set once an `absent` run removed everything, so later runs skip the per-user checks. */
  removed: z.boolean().optional(),
})
export type TIdentityObserved = z.infer<typeof ZIdentityObserved>

/** Whatever an older or foreign run stored, read leniently: unreadable means "nothing known". */
export function readIdentityObserved(value: unknown): TIdentityObserved {
  const parsed = ZIdentityObserved.safeParse(value ?? {})
  return parsed.success
    ? parsed.data
    : { groups: {}, users: {} }
}
