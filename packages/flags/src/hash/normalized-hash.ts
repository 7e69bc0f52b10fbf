import murmurhash3 from 'murmurhash3js'

/** The seed Unleash uses for rollouts (strategies): buckets must match every Unleash SDK's. */
export const STRATEGY_SEED = 0

/**
 * The seed Unleash uses for variant selection. A different seed from rollouts keeps the variant a user
 * gets independent of whether they fell inside the rollout (otherwise a 10 % rollout would only ever see
 * the first variants).
 */
export const VARIANT_SEED = 86028157

/**
 * Unleash's normalised hash: murmur3 (x86, 32-bit) of `groupId:id`, mapped onto 1..normalizer.
 * The same library Unleash's Node SDK uses, so a user lands in the same bucket here as there.
 *
 * @example normalizedHash('123', 'gr1') // 73: user 123 is inside a 73 % rollout of group gr1, not a 72 % one
 */
export function normalizedHash(id: string, groupId: string, normalizer = 100, seed = STRATEGY_SEED): number {
  return (murmurhash3.x86.hash32(`${groupId}:${id}`, seed) % normalizer) + 1
}
