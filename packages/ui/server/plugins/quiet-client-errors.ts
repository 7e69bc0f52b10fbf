import type { TLoggedError } from '../internal/quiet-client-error'
import { quietClientError } from '../internal/quiet-client-error'

// Expected client errors (4xx) get one line in the log, not a stack trace each: a person opening a
// tenant that is not theirs is not a fault of the server. 5xx and unhandled errors are logged in full as
// before. Nitro calls the `error` hooks synchronously before its error handler, which does the logging.
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('error', (error, { event }) => {
    if (!event)
      return
    const line = quietClientError(error as TLoggedError, event.method, event.path)
    if (line)
      console.warn(line)
  })
})
