import type { TMe } from '@dezky/contracts'
import { parseGroups } from '@dezky/contracts'

/** RFC 8176 methods that prove a second factor: the same set the platform API accepts (auth/principal.ts). */
const MFA_METHODS = new Set([
  'mfa',
  'otp',
  'hwk',
  'sms',
  'tel',
  'sc',
  'fpt',
  'face',
  'iris',
  'retina',
  'vbm',
])

export type TOperatorAccess = 'granted' | 'mfa-required' | 'not-operator'

/**
 * Whether the signed-in person may use the console. The API grants an operator role only to a session
 * that passed a second factor, so a missing role means either "not staff" or "staff without MFA"; the
 * IdP's groups (from the session's userinfo) tell the two apart. Without a groups claim, a sign-in
 * without a second factor is asked for one first: MFA is the requirement every operator must meet anyway.
 *
 * @example
 * operatorAccessOf({ operatorRole: null, amr: ['pwd'], … }, ['operator:technician']) // 'mfa-required'
 */
export function operatorAccessOf(me: Pick<TMe, 'operatorRole' | 'amr'>, groups: unknown): TOperatorAccess {
  if (me.operatorRole)
    return 'granted'
  const hasMfa = me.amr.some(method => MFA_METHODS.has(method))
  if (Array.isArray(groups)) {
    return parseGroups(groups).operatorRole && !hasMfa
      ? 'mfa-required'
      : 'not-operator'
  }
  return hasMfa
    ? 'not-operator'
    : 'mfa-required'
}
