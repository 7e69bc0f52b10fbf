import { OpenFeature } from '@openfeature/server-sdk'
import { PORTAL_FLAGS_DOMAIN } from '../internal/flags/evaluate-portal-flags'
import { OfrepBulkProvider } from '../internal/flags/ofrep-bulk-provider'
import { loadRequestBulkEvaluation } from '../internal/flags/request-bulk-evaluation'

// The portal evaluates feature flags through OpenFeature against the platform API's OFREP endpoint, one
// bulk request per page request (see OfrepBulkProvider for why not the official OFREP provider).
export default defineNitroPlugin(() => {
  OpenFeature.setProvider(PORTAL_FLAGS_DOMAIN, new OfrepBulkProvider(loadRequestBulkEvaluation))
})
