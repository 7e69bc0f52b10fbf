import { ZProbe, ZProbeName } from '@dezky/contracts'
import { z } from 'zod'

const ZParams = z.object({ name: ZProbeName })

// `noc` may not run probes: the API answers 403 (probe:run).
export default defineEventHandler(async (event) => {
  const { name } = await getValidatedRouterParams(event, ZParams.parse)
  return callPlatformApi(event, `/system/probes/${name}/run`, {
    method: 'POST',
    schema: ZProbe,
  })
})
