// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// WCAG 2.x contrast of the design tokens: every colour used for text must reach 4.5:1 (AA, normal
// text) on both backgrounds the layer paints, so components can combine them freely.
const css = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8')
function token(name: string) {
  const match = new RegExp(`--dz-${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css)
  if (!match)
    throw new Error(`--dz-${name} is not a #rrggbb colour in tokens.css`)
  return match[1]!
}

function luminance(hex: string) {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255
    return value <= 0.04045
      ? value / 12.92
      : ((value + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

function contrast(a: string, b: string) {
  const [light, dark] = [
    luminance(a),
    luminance(b),
  ].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

describe('design tokens', () => {
  it.each([
    ['ink', 'surface'],
    ['ink', 'canvas'],
    ['muted', 'surface'],
    ['muted', 'canvas'],
    ['primary', 'surface'],
    ['primary', 'canvas'],
    ['danger', 'surface'],
    ['danger', 'canvas'],
    ['success', 'surface'],
    ['success', 'canvas'],
    ['warning', 'surface'],
    ['warning', 'canvas'],
    ['on-primary', 'primary'],
  ])('%s on %s ≥ 4.5:1', (text, background) => {
    expect(contrast(token(text), token(background))).toBeGreaterThanOrEqual(4.5)
  })

  it('the check can fail', () => {
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5)
  })
})
