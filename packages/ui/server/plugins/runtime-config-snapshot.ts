/** A deep copy of plain JSON-like data (the runtime config is built from JSON): faster than structuredClone. */
function copyPlain<T>(value: T): T {
  if (Array.isArray(value))
    return value.map(copyPlain) as T
  if (value === null || typeof value !== 'object')
    return value
  const copy: Record<string, unknown> = {}
  for (const key in value)
    copy[key] = copyPlain((value as Record<string, unknown>)[key])
  return copy as T
}

function isPlain(value: unknown): boolean {
  if (value === null || [
    'string',
    'number',
    'boolean',
    'undefined',
  ].includes(typeof value)) {
    return true
  }
  if (Array.isArray(value))
    return value.every(isPlain)
  return Object.getPrototypeOf(value) === Object.prototype && Object.values(value as object).every(isPlain)
}

// `useRuntimeConfig(event)` builds each request's config by deep-copying the build-time config and
// re-reading every key's environment override (hundreds of `process.env` look-ups with case conversion,
// ~7–10% of the portal's CPU under load). The environment of a Node server does not change while it
// runs, so the config with overrides applied is computed on the first request and each later request
// gets a plain copy of it (still its own object: what one request changes, the next does not see).
export default defineNitroPlugin((nitroApp) => {
  let applied: ReturnType<typeof useRuntimeConfig> | undefined
  let cloneable = true
  nitroApp.hooks.hook('request', (event) => {
    event.context.nitro ??= { errors: [] }
    if (!cloneable || event.context.nitro.runtimeConfig)
      return
    if (applied) {
      event.context.nitro.runtimeConfig = copyPlain(applied)
      return
    }
    // Only plain data can be copied this way; should a module ever put anything else (a function, a
    // Date) into the config, Nitro's own way stays.
    applied = useRuntimeConfig(event)
    cloneable = isPlain(applied)
    applied = copyPlain(applied)
  })
})
