import { ZAuditChainReport } from '@dezky/contracts'

// Only super admins and ops leads may (the API answers 403 to anyone else).
export default defineEventHandler(event => callPlatformApi(event, '/audit/verify', { schema: ZAuditChainReport }))
