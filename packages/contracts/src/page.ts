import { z } from 'zod'

/** Cursor pagination envelope shared by every list route. `nextCursor` is null on the last page. */
export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
  })
}
export interface TPage<T> { items: T[], nextCursor: string | null }

export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
})
