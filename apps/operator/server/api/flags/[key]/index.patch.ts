import { ZFlag, ZFlagUpdate } from '@dezky/contracts'
import { ZFlagParams } from '../../../internal/flag-params'

// If-Match carries the flag's version the page edited: the API answers 412 when someone changed it meanwhile.
export default defineEventHandler(async (event) => {
  const { key } = await getValidatedRouterParams(event, ZFlagParams.parse)
  const body = await readValidBody(event, ZFlagUpdate)
  const ifMatch = getRequestHeader(event, 'if-match')
  return callPlatformApi(event, `/flags/${key}`, {
    method: 'PATCH',
    body,
    headers: ifMatch
      ? { 'if-match': ifMatch }
      : undefined,
    schema: ZFlag,
  })
})
