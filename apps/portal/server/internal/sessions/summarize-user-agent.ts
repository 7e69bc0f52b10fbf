export interface TUserAgentSummary {
  browser: string | null
  /** Major version. */
  version: string | null
  os: string | null
}

// Order matters: Edge and Opera also claim Chrome, Chrome also claims Safari.
const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/OPR\/(\d+)/, 'Opera'],
  [/SamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/FxiOS\/(\d+)/, 'Firefox'],
  [/HeadlessChrome\/(\d+)/, 'Headless Chrome'],
  [/CriOS\/(\d+)/, 'Chrome'],
  [/Chrom(?:e|ium)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)(?:\.\d+)* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
]

const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
]

/**
 * Browser and operating system from a User-Agent, for a list of sessions a person recognises at a glance
 * ("Firefox 140 on Windows"). Anything unrecognised is null; the raw string is never shown.
 *
 * @example
 * summarizeUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36')
 * // → { browser: 'Chrome', version: '156', os: 'Linux' }
 */
export function summarizeUserAgent(userAgent: string | null): TUserAgentSummary {
  if (!userAgent)
    return { browser: null, version: null, os: null }
  const browser = BROWSERS.map(([pattern, name]) => [
    userAgent.match(pattern),
    name,
  ] as const).find(([match]) => match)
  return {
    browser: browser?.[1] ?? null,
    version: browser?.[0]?.[1] ?? null,
    os: SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null,
  }
}
