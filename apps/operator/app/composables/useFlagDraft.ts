export interface FlagDraftOptions<T> {
  /** The flag's version: it moves on every change to the flag, an override or a schedule too. */
  version: () => number
  /** The part of the flag the form edits, as saved. */
  saved: () => T
  /** The form's current values of that part. */
  read: () => T
  /** Puts values into the form. */
  write: (value: T) => void
}

/**
 * The version a form's edits are based on (its `If-Match`), and what happens to those edits when the flag
 * changes under them — from this page (an override added beside an unsaved rule) or from a reload:
 * - an untouched form follows the new value;
 * - edited, while the part it edits stayed the same: the edits stay, now based on the new version;
 * - edited, while someone changed that same part: the edits stay on the old version, so saving them is
 *   refused (412) with a way to reload — never written over the newer value, never thrown away unasked.
 *
 * @example
 * const { ifMatch, dirty, reset, expectSaved } = useFlagDraft({ version: () => props.flag.version, saved, read, write })
 */
export function useFlagDraft<T>(options: FlagDraftOptions<T>) {
  const copy = (value: T): T => JSON.parse(JSON.stringify(value)) as T
  const same = (a: T, b: T) => JSON.stringify(a) === JSON.stringify(b)
  const base = shallowRef({
    version: options.version(),
    value: copy(options.saved()),
  })
  let savedHere: number | undefined

  const dirty = computed(() => !same(options.read(), base.value.value))

  /** Back to the flag as it is now: its values, its version. */
  function reset() {
    base.value = {
      version: options.version(),
      value: copy(options.saved()),
    }
    options.write(copy(options.saved()))
  }

  /** This form's own save answered with `version`: when the flag arrives at it, the form starts from it. */
  function expectSaved(version: number) {
    savedHere = version
  }

  watch(options.version, (version) => {
    if (version === base.value.version)
      return
    if (version === savedHere || !dirty.value) {
      savedHere = undefined
      reset()
    }
    else if (same(options.saved(), base.value.value)) {
      base.value = { version, value: base.value.value }
    }
  })

  return {
    ifMatch: computed(() => `"${base.value.version}"`),
    dirty,
    reset,
    expectSaved,
  }
}
