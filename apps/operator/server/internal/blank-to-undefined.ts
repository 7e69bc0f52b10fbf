/** An empty search box or filter arrives as `?q=`; it means "no filter", not an invalid value. */
export function blankToUndefined(value: unknown) {
  return value === ''
    ? undefined
    : value
}
