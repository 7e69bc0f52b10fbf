import { ZProbeList } from '@dezky/contracts'

export default defineEventHandler(async (event) => {
  return callPlatformApi(event, '/system/probes', { schema: ZProbeList })
})
