/** Capability URIs Stalwart v0.16 knows (`Capability::parse`, jmap-proto/src/request/capability.rs). */
export const KNOWN_CAPABILITIES = [
  'urn:ietf:params:jmap:core',
  'urn:ietf:params:jmap:mail',
  'urn:ietf:params:jmap:submission',
  'urn:ietf:params:jmap:vacationresponse',
  'urn:ietf:params:jmap:contacts',
  'urn:ietf:params:jmap:calendars',
  'urn:ietf:params:jmap:websocket',
  'urn:ietf:params:jmap:sieve',
  'urn:ietf:params:jmap:blob',
  'urn:ietf:params:jmap:quota',
  'urn:ietf:params:jmap:principals',
  'urn:ietf:params:jmap:principals:owner',
  'urn:ietf:params:jmap:filenode',
  'urn:ietf:params:jmap:principals:availability',
  'urn:ietf:params:jmap:contacts:parse',
  'urn:ietf:params:jmap:calendars:parse',
  'urn:ietf:params:jmap:mail:share',
  'urn:stalwart:jmap',
  'urn:ietf:params:jmap:webpush-vapid',
  'urn:ietf:params:jmap:emailpush',
] as const

export const CORE = 'urn:ietf:params:jmap:core'
export const STALWART = 'urn:stalwart:jmap'

/** Standard objects and the capability their methods need (`MethodObject::capability`). */
export const OBJECT_CAPABILITIES: Record<string, string> = {
  Core: CORE,
  PushSubscription: CORE,
  Email: 'urn:ietf:params:jmap:mail',
  Mailbox: 'urn:ietf:params:jmap:mail',
  Thread: 'urn:ietf:params:jmap:mail',
  SearchSnippet: 'urn:ietf:params:jmap:mail',
  Identity: 'urn:ietf:params:jmap:submission',
  EmailSubmission: 'urn:ietf:params:jmap:submission',
  VacationResponse: 'urn:ietf:params:jmap:vacationresponse',
  SieveScript: 'urn:ietf:params:jmap:sieve',
  Blob: 'urn:ietf:params:jmap:blob',
  Quota: 'urn:ietf:params:jmap:quota',
  Principal: 'urn:ietf:params:jmap:principals',
}
