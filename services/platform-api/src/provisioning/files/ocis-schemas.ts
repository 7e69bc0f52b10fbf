import { z } from 'zod'

/**
 * The parts of libregraph answers the files driver reads. A space-root permission comes in two shapes:
 * v1beta1 (`id` `u:<user id>`, `grantedToV2`, unified role ids) and v1.0, which the create/update answers
 * use (`grantedToIdentities`, legacy role names).
 */
export const ZOcisPermission = z.object({
  id: z.string().optional(),
  roles: z.array(z.string()).nullish(),
  grantedToV2: z.object({
    user: z.object({
      id: z.string().optional(),
    }).optional(),
  }).optional(),
  grantedToIdentities: z.array(z.object({
    user: z.object({
      id: z.string().optional(),
    }).optional(),
  })).nullish(),
})
export type TOcisPermission = z.infer<typeof ZOcisPermission>

/** The invite answer: the permissions created, one per recipient. */
export const ZOcisInvited = z.object({
  value: z.array(ZOcisPermission).nullish(),
})

export const ZOcisDrive = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  driveType: z.string().optional(),
  quota: z.object({
    total: z.number().optional(),
    /** Bytes the space's files take; absent while the space is disabled (it cannot be statted then). */
    used: z.number().optional(),
  }).nullish(),
  /** Where people open the space in OCIS's web UI. */
  webUrl: z.string().optional(),
  root: z.object({
    deleted: z.object({
      state: z.string().optional(),
    }).nullish(),
    permissions: z.array(ZOcisPermission).nullish(),
  }).nullish(),
})
export type TOcisDrive = z.infer<typeof ZOcisDrive>

export const ZOcisDriveList = z.object({
  value: z.array(ZOcisDrive).nullish(),
})

export const ZOcisUser = z.object({
  id: z.string(),
  displayName: z.string().optional(),
  mail: z.string().nullish(),
  onPremisesSamAccountName: z.string().optional(),
})
export type TOcisUser = z.infer<typeof ZOcisUser>

export const ZOcisUserList = z.object({
  value: z.array(ZOcisUser).nullish(),
})
