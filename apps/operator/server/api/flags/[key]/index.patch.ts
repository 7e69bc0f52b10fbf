import { ZFlag, ZFlagUpdate } from '@dezky/contracts'
import { ZFlagParams } from '../../../internal/flag-params'

export default defineEventHandler(async (event) => {
  const { key } = await getValidatedRouterParams(event, ZFlagParams.parse)
  const body = await readValidatedBody(event, ZFlagUpdate.parse)
  return callPlatformApi(event, `/flags/${key}`, { method: 'PATCH', body, schema: ZFlag })
})
