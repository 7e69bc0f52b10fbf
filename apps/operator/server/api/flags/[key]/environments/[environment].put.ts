import { ZFlag, ZFlagEnvironmentConfig } from '@dezky/contracts'
import { ZFlagEnvironmentParams } from '../../../../internal/flag-params'

// If-Match carries the flag's version the page edited: the API answers 412 when someone changed it meanwhile.
export default defineEventHandler(async (event) => {
  const { key, environment } = await getValidatedRouterParams(event, ZFlagEnvironmentParams.parse)
  const body = await readValidBody(event, ZFlagEnvironmentConfig)
  const ifMatch = getRequestHeader(event, 'if-match')
  return callPlatformApi(event, `/flags/${key}/environments/${environment}`, {
    method: 'PUT',
    body,
    headers: ifMatch
      ? { 'if-match': ifMatch }
      : undefined,
    schema: ZFlag,
  })
})
