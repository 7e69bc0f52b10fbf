/**
 * Whether the sidebar is shown on small screens (from md up it is always shown); the header's menu
 * button and the sidebar share it.
 *
 * @example
 * const sidebar = useShellSidebar()
 * sidebar.toggle()
 */
export function useShellSidebar() {
  const open = useState('dz-sidebar-open', () => false)
  return {
    open,
    toggle: () => {
      open.value = !open.value
    },
    close: () => {
      open.value = false
    },
  }
}
