import { ZFlag, ZFlagScheduleCreate } from '@dezky/contracts'
import { ZFlagParams } from '../../../../internal/flag-params'

export default defineEventHandler(async (event) => {
  const { key } = await getValidatedRouterParams(event, ZFlagParams.parse)
  const body = await readValidBody(event, ZFlagScheduleCreate)
  const flag = await callPlatformApi(event, `/flags/${key}/schedules`, { method: 'POST', body, schema: ZFlag })
  setResponseStatus(event, 201)
  return flag
})
