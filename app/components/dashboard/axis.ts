// Axis labels for the dashboard's SVG charts: short enough to read at a glance, and measured so
// the chart leaves room for the widest one (an SVG clips text that runs past its edge).

/** $292K, $1.2M, €950: amounts on an axis, rounded to what a glance can take in. */
export function compactMoney(value: number, currency: string): string {
  const digits = Math.abs(value) >= 1_000_000 ? 2 : 3;
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency, notation: "compact", maximumSignificantDigits: digits }).format(value);
  } catch {
    return `${new Intl.NumberFormat("en-US", { notation: "compact", maximumSignificantDigits: digits }).format(value)} ${currency}`;
  }
}

// Advance widths in ems, rounded up from DejaVu Sans (a wide face) so other sans-serif faces fit too.
const WIDE = /[MWmw%@€£]/;
const NARROW = /[.,:;'!|il ]/;

/** A generous estimate of a label's width in pixels: no browser measures text on the server. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += WIDE.test(char) ? 1 : NARROW.test(char) ? 0.4 : /[A-Z$0-9]/.test(char) ? 0.7 : 0.62;
  return ems * fontSize;
}

/** The smallest 1, 2, 2.5 or 5 times a power of ten at or above `value`, so ticks read cleanly. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= value)!;
  return step * power;
}
