/** A place the palette jumped to, remembered for this tab's session. */
export interface TPaletteRecent {
  kind: 'tenant' | 'partner' | 'user'
  label: string
  /** Slug or e-mail, shown under the label. */
  detail: string
  to: string
}

const RECENT_KEY = 'dezky-operator:palette-recent'
const RECENT_KEPT = 5

function readRecents(): TPaletteRecent[] {
  try {
    const stored = JSON.parse(sessionStorage.getItem(RECENT_KEY) ?? '[]') as unknown
    return Array.isArray(stored)
      ? stored.filter((item): item is TPaletteRecent => typeof item?.to === 'string' && typeof item?.label === 'string').slice(0, RECENT_KEPT)
      : []
  }
  catch {
    // Storage refused (private mode, quota) or edited by hand: start without recents.
    return []
  }
}

/**
 * The command palette's open state, shared by the header button, the ⌘K shortcut and the dialog, and
 * the recent jumps of this tab (sessionStorage: they end with the tab, and another operator on the same
 * browser profile never sees them after sign-out closes it).
 *
 * @example
 * const palette = useCommandPalette()
 * palette.show()
 */
export function useCommandPalette() {
  const open = useState('palette-open', () => false)
  const recents = useState<TPaletteRecent[]>('palette-recents', () => [])

  function loadRecents() {
    recents.value = readRecents()
  }

  function remember(recent: TPaletteRecent) {
    recents.value = [
      recent,
      ...recents.value.filter(item => item.to !== recent.to),
    ].slice(0, RECENT_KEPT)
    try {
      sessionStorage.setItem(RECENT_KEY, JSON.stringify(recents.value))
    }
    catch {
      // Not remembered across reloads, still remembered in memory.
    }
  }

  return {
    open,
    recents,
    loadRecents,
    remember,
    show: () => {
      open.value = true
    },
    hide: () => {
      open.value = false
    },
    toggle: () => {
      open.value = !open.value
    },
  }
}
