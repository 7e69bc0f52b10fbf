/**
 * The ARIA tabs keyboard model for a row of `count` tabs: where ←/→ (wrapping), Home and End move from
 * tab `index`; undefined for any other key (let the browser have it).
 *
 * @example
 * tabKeyTarget('ArrowRight', 2, 3) // 0
 * tabKeyTarget('Tab', 0, 3) // undefined
 */
export function tabKeyTarget(key: string, index: number, count: number): number | undefined {
  const last = count - 1
  switch (key) {
    case 'ArrowRight':
      return index === last
        ? 0
        : index + 1
    case 'ArrowLeft':
      return index === 0
        ? last
        : index - 1
    case 'Home':
      return 0
    case 'End':
      return last
    default:
      return undefined
  }
}
