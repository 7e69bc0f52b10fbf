import { ZFlag, ZFlagCreate } from '@dezky/contracts'

// Whether the caller may create flags is the API's decision (flag:write: super admins and ops leads).
export default defineEventHandler(async (event) => {
  const body = await readValidBody(event, ZFlagCreate)
  const flag = await callPlatformApi(event, '/flags', { method: 'POST', body, schema: ZFlag })
  setResponseStatus(event, 201)
  return flag
})
