/** Unleash ignores empty values and surrounding blanks in a constraint's list. */
export function cleanValues(values: readonly string[] | undefined): string[] {
  return (values ?? []).filter(value => !!value).map(value => value.trim())
}
