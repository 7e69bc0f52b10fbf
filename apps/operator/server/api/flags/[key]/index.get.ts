import { ZFlag } from '@dezky/contracts'
import { ZFlagParams } from '../../../internal/flag-params'

export default defineEventHandler(async (event) => {
  const { key } = await getValidatedRouterParams(event, ZFlagParams.parse)
  return callPlatformApi(event, `/flags/${key}`, { schema: ZFlag })
})
