/** Unleash's list parameters (`userIds`, `IPs`) are comma-separated, blanks around commas ignored. */
export function splitList(value: string | number | undefined): string[] {
  return value === undefined || value === ''
    ? []
    : String(value).split(/\s*,\s*/)
}
