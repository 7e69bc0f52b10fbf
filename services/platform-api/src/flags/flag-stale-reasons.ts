import type { TFlagType } from '@dezky/contracts'
import { FLAG_LIFETIME_DAYS, FLAG_UNUSED_AFTER_DAYS } from '@dezky/contracts'

const DAY_MS = 86_400_000

/**
 * Why a flag is stale, if it is: it outlived its type's expected lifetime (a release flag left in the code
 * after the release), or nothing evaluated it for FLAG_UNUSED_AFTER_DAYS (the code reading it is gone).
 * Archived flags are never stale: they are already retired.
 */
export function flagStaleReasons(flag: { type: TFlagType, createdAt: Date, archivedAt: Date | null }, lastEvaluatedAt: Date | null, now = new Date()): ('lifetime' | 'unused')[] {
  if (flag.archivedAt)
    return []
  const reasons: ('lifetime' | 'unused')[] = []
  const age = now.getTime() - flag.createdAt.getTime()
  const lifetime = FLAG_LIFETIME_DAYS[flag.type]
  if (lifetime !== null && age > lifetime * DAY_MS)
    reasons.push('lifetime')
  const unusedFor = FLAG_UNUSED_AFTER_DAYS * DAY_MS
  if (age > unusedFor && (!lastEvaluatedAt || now.getTime() - lastEvaluatedAt.getTime() > unusedFor))
    reasons.push('unused')
  return reasons
}
