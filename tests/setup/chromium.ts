// Which browser the end-to-end tests launch: Debian's Chromium by default (`npx playwright
// install` cannot download on every machine); PLAYWRIGHT_CHROMIUM_PATH="" means Playwright's own.
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** The executable to launch, or undefined for Playwright's own browser. */
export function chromiumExecutable(): string | undefined {
  return (process.env.PLAYWRIGHT_CHROMIUM_PATH ?? DEBIAN_CHROMIUM) || undefined;
}
