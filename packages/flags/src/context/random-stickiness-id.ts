/**
 * Random stickiness: a fresh id per evaluation, so the rollout is a coin flip each time (Unleash's
 * `random` stickiness, and its fallback when no id is known).
 */
export function randomStickinessId(): string {
  return String(Math.round(Math.random() * 10_000) + 1)
}
