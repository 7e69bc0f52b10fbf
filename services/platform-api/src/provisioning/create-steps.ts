import type { Config } from '../config'
import type { ProvisioningStep, StepName } from './step'
import { createFilesStep } from './files/create-files-step'
import { createOcisDriver } from './files/create-ocis-driver'
import { createAuthentikDriver } from './identity/authentik-driver'
import { createIdentityStep } from './identity/create-identity-step'
import { createMailStep } from './mail/create-mail-step'
import { createStalwartDriver } from './mail/create-stalwart-driver'
import { notConfiguredStep } from './not-configured-step'
import { createOnboardingStep } from './onboarding/create-onboarding-step'

/** The four steps, each with its real driver configured from the environment. */
export function createSteps(config: Config, options: { fetch?: typeof fetch } = {}): Record<StepName, ProvisioningStep> {
  const timeoutMs = config.UPSTREAM_TIMEOUT_MS
  const { fetch } = options
  return {
    identity: config.AUTHENTIK_URL && config.AUTHENTIK_TOKEN
      ? createIdentityStep(createAuthentikDriver({
          baseUrl: config.AUTHENTIK_URL,
          apiToken: config.AUTHENTIK_TOKEN,
          timeoutMs,
          fetch,
        }))
      : notConfiguredStep('identity', 'authentik', 'AUTHENTIK_URL and AUTHENTIK_TOKEN'),
    mail: config.STALWART_URL && (config.STALWART_API_KEY || (config.STALWART_ADMIN_USER && config.STALWART_ADMIN_SECRET))
      ? createMailStep(createStalwartDriver({
          baseUrl: config.STALWART_URL,
          credential: config.STALWART_API_KEY
            ? { apiKey: config.STALWART_API_KEY }
            : { user: config.STALWART_ADMIN_USER!, secret: config.STALWART_ADMIN_SECRET! },
          timeoutMs,
          fetch,
        }), { dkimGraceMs: config.MAIL_DKIM_GRACE_MS })
      : notConfiguredStep('mail', 'stalwart', 'STALWART_URL and STALWART_API_KEY (or STALWART_ADMIN_USER and STALWART_ADMIN_SECRET)'),
    files: config.OCIS_URL && (config.OCIS_TOKEN || (config.OCIS_APP_USER && config.OCIS_APP_TOKEN))
      ? createFilesStep(createOcisDriver({
          baseUrl: config.OCIS_URL,
          ...(config.OCIS_TOKEN
            ? { bearerToken: config.OCIS_TOKEN }
            : {
                appToken: { user: config.OCIS_APP_USER!, token: config.OCIS_APP_TOKEN! },
              }),
          timeoutMs,
          fetch,
        }))
      : notConfiguredStep('files', 'ocis', 'OCIS_URL and OCIS_TOKEN (or OCIS_APP_USER and OCIS_APP_TOKEN)'),
    onboarding: config.SMTP_URL
      ? createOnboardingStep({
          smtpUrl: config.SMTP_URL,
          from: config.MAIL_FROM,
          portalUrl: config.PORTAL_URL,
          timeoutMs,
        })
      : notConfiguredStep('onboarding', 'smtp', 'SMTP_URL'),
  }
}
