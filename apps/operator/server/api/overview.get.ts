import { ZOverview } from '@dezky/contracts'

export default defineEventHandler(async (event) => {
  return callPlatformApi(event, '/overview', { schema: ZOverview })
})
