// WCAG 2.x contrast, for the accent colour buyers see behind white text (buttons, the plan's header).
// https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio and #dfn-relative-luminance.

/** Normal text needs 4.5:1 (WCAG 2.1, success criterion 1.4.3, level AA). */
export const MINIMUM_TEXT_CONTRAST = 4.5;

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

export function isHexColour(value: string): boolean {
  return HEX_COLOUR.test(value);
}

/** The relative luminance of "#rrggbb", 0 (black) to 1 (white); null for anything else. */
export function relativeLuminance(colour: string): number | null {
  if (!isHexColour(colour)) return null;
  const channel = (offset: number) => {
    const value = parseInt(colour.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The contrast ratio of two "#rrggbb" colours, 1 to 21, whichever is lighter; null if either is no such colour. */
export function contrastRatio(a: string, b: string): number | null {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  if (la === null || lb === null) return null;
  const [light, dark] = la > lb ? [la, lb] : [lb, la];
  return (light + 0.05) / (dark + 0.05);
}

/** Whether text at this contrast ratio is readable: 4.5:1 itself passes. */
export function meetsTextContrast(ratio: number): boolean {
  return ratio >= MINIMUM_TEXT_CONTRAST;
}

/** "4.48:1": rounded down, so a colour just under the minimum never reads as if it reached it. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

/**
 * Why white text on this accent colour would be hard to read, or null when it is readable. The
 * sentence names the ratio, so an admin can tell how far off a colour is.
 */
export function accentColourProblem(colour: string): string | null {
  const ratio = contrastRatio(colour, "#ffffff");
  if (ratio === null) return "Enter a colour like #1d4ed8";
  if (!meetsTextContrast(ratio)) {
    return `White text on this colour has a contrast of ${formatRatio(ratio)}; it needs at least 4.5:1 to be readable. Choose a darker colour.`;
  }
  return null;
}
