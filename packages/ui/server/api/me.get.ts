import { ZMe } from '@dezky/contracts'

export default defineEventHandler(event => callPlatformApi(event, '/users/me', { schema: ZMe }))
