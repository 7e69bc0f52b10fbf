import type { SessionIndexStores } from './session-index-store'

/** The session index (`sessions` mount) and nuxt-oidc-auth's token store (`oidc` mount). */
export function useSessionIndexStores(): SessionIndexStores {
  return {
    index: useStorage('sessions'),
    tokens: useStorage('oidc'),
  }
}
