const HEX_COLOUR = /^#[0-9a-f]{6}$/i
const DEFAULTS = { productName: 'Dezky', primaryColor: '#1d4ed8', accentColor: '#d97706' }

/** Text colour with enough contrast on `hex` (WCAG relative luminance, threshold at mid grey). */
function readableOn(hex: string): string {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255
    return value <= 0.03928
      ? value / 12.92
      : ((value + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
  return luminance > 0.179
    ? '#111827'
    : '#ffffff'
}

/**
 * The brand of this deployment (product name and colours from `runtimeConfig.public.brand`), with the
 * CSS variables that override the design tokens. Colours that are not `#rrggbb` fall back to the
 * defaults, so a typo in an env variable cannot inject CSS.
 */
export function useBrand() {
  const brand = useRuntimeConfig().public.brand as Partial<typeof DEFAULTS> | undefined
  const productName = brand?.productName?.trim() || DEFAULTS.productName
  const primary = brand?.primaryColor && HEX_COLOUR.test(brand.primaryColor)
    ? brand.primaryColor
    : DEFAULTS.primaryColor
  const accent = brand?.accentColor && HEX_COLOUR.test(brand.accentColor)
    ? brand.accentColor
    : DEFAULTS.accentColor
  return {
    productName,
    cssVars: `--dz-primary:${primary};--dz-on-primary:${readableOn(primary)};--dz-accent:${accent}`,
  }
}
