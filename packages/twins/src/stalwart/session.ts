import { CORE, STALWART } from './capabilities'

export interface SessionInput {
  /** The public base URL, no trailing slash; every URL in the session is absolute under it. */
  baseUrl: string
  accountId: string
  username: string
  state: string
}

/**
 * The JMAP session resource (RFC 8620 §2) as `Session::new` and `handle_session_resource` build it
 * (jmap-proto/src/request/capability.rs, jmap/src/api/session.rs). Without credentials Stalwart serves
 * the same document with no accounts.
 */
export function buildSession(input: SessionInput | { baseUrl: string }): Record<string, unknown> {
  const { baseUrl } = input
  const account = 'accountId' in input
    ? {
        accounts: {
          [input.accountId]: {
            name: input.username,
            isPersonal: true,
            isReadOnly: false,
            accountCapabilities: { [STALWART]: {} },
          },
        },
        primaryAccounts: { [STALWART]: input.accountId },
        username: input.username,
        state: input.state,
      }
    : {
        accounts: {},
        primaryAccounts: {},
        username: '',
        state: '0',
      }
  return {
    capabilities: {
      [CORE]: {
        maxSizeUpload: 50_000_000,
        maxConcurrentUpload: 4,
        maxSizeRequest: 10_000_000,
        maxConcurrentRequests: 4,
        maxCallsInRequest: 16,
        maxObjectsInGet: 500,
        maxObjectsInSet: 500,
        collationAlgorithms: ['i;ascii-numeric', 'i;ascii-casemap', 'i;unicode-casemap'],
      },
      'urn:ietf:params:jmap:websocket': { url: `ws${baseUrl.replace(/^http/, '')}/jmap/ws`, supportsPush: true },
      [STALWART]: {},
    },
    ...account,
    apiUrl: `${baseUrl}/jmap/`,
    downloadUrl: `${baseUrl}/jmap/download/{accountId}/{blobId}/{name}?accept={type}`,
    uploadUrl: `${baseUrl}/jmap/upload/{accountId}/`,
    eventSourceUrl: `${baseUrl}/jmap/eventsource/?types={types}&closeafter={closeafter}&ping={ping}`,
  }
}
