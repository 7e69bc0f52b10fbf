import { ConfigError } from './config'
import { startPlatformApi, StartupError } from './start-platform-api'

async function main(): Promise<void> {
  const api = await startPlatformApi()
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping)
      return
    stopping = true
    api.deps.logger.info({ signal }, 'stopping')
    await api.stop().catch(error => api.deps.logger.error({ err: error }, 'unclean stop'))
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error) => {
  // Expected start failures get one clear line; anything else keeps its stack for the developer.
  console.error(error instanceof ConfigError || error instanceof StartupError
    ? `platform-api: ${error.message}`
    : error)
  process.exit(1)
})
