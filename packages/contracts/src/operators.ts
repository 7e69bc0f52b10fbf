import { z } from 'zod'
import { ZOperatorRole } from './roles'

/**
 * A member of the provider's operator team: an Authentik user in an `operator:<role>` group. The team
 * lives in Authentik (the token's `groups` claim is what grants the role), not in our database.
 */
export const ZOperator = z.object({
  /** The Authentik user's uuid: the `sub` of their tokens, since our providers issue `sub_mode: user_uuid`. */
  id: z.uuid(),
  /** Authentik's numeric user id, as its admin interface shows it. */
  pk: z.number().int(),
  username: z.string(),
  name: z.string(),
  /** Empty when the Authentik user has no address. */
  email: z.string(),
  /** The strongest operator role held; it is the one the token grants. */
  role: ZOperatorRole,
  /** Weaker operator groups the person is also in: nothing they grant, worth cleaning up (a change of role does). */
  extraRoles: z.array(ZOperatorRole),
  /** Authentik's `is_active`: an inactive user cannot sign in. */
  active: z.boolean(),
  /** The last sign-in at Authentik, when Authentik reports one. */
  lastLoginAt: z.iso.datetime({ offset: true }).nullable(),
  /** Whether the person has signed in to Dezky: we hold a user with their subject. */
  signedInToDezky: z.boolean(),
  /** Their last sign-in to Dezky, as `GET /users/me` recorded it. */
  dezkyLastLoginAt: z.iso.datetime({ offset: true }).nullable(),
  /** Created by Dezky (Authentik path `dezky`) rather than adopted from the existing directory. */
  createdByDezky: z.boolean(),
})
export type TOperator = z.infer<typeof ZOperator>

/** Fields `GET /operators` sorts by; `role` sorts strongest first. */
export const OPERATOR_SORT_FIELDS = ['name', 'email', 'role'] as const

/** Adds a person to the team: their Authentik user is found by e-mail (adopted) or created. */
export const ZCreateOperator = z.strictObject({
  email: z.email().max(254).transform(e => e.toLowerCase()),
  name: z.string().trim().min(1).max(120),
  role: ZOperatorRole,
})
export type TCreateOperator = z.infer<typeof ZCreateOperator>

export const ZUpdateOperator = z.strictObject({
  role: ZOperatorRole,
})
export type TUpdateOperator = z.infer<typeof ZUpdateOperator>
