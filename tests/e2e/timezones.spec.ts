import { E2E_AUCKLAND_URL, E2E_LOS_ANGELES_URL } from "../setup/ports";
import { expect, test } from "@playwright/test";
import { DEMO_MANAGER, signIn } from "./helpers";

// The same database served by a server in Pacific/Auckland (UTC+13 in November) and one in
// America/Los_Angeles (UTC−8), read by browsers in those zones: a milestone's date is a calendar
// date and must read the same everywhere.
const READERS = [
  { server: E2E_AUCKLAND_URL, timezoneId: "Pacific/Auckland" },
  { server: E2E_LOS_ANGELES_URL, timezoneId: "America/Los_Angeles" },
];

test("every server and reader timezone shows the same calendar date for the same milestone", async ({ page, browser }) => {
  await signIn(page, DEMO_MANAGER);
  const cookies = await page.context().cookies();
  await page.getByRole("link").filter({ hasText: "Plan shared" }).first().click();
  await page.waitForURL(/\/deals\/[a-z0-9]{20,}$/);
  const dealPath = new URL(page.url()).pathname;

  const seen: string[][] = [];
  for (const reader of READERS) {
    const context = await browser.newContext({ timezoneId: reader.timezoneId });
    await context.addCookies(cookies.map((c) => ({ ...c, domain: "localhost" })));
    const readerPage = await context.newPage();
    await readerPage.goto(reader.server + dealPath);
    await expect(readerPage.getByTestId("milestone").first()).toBeVisible();
    // After hydration too: the browser re-renders with its own timezone.
    await readerPage.waitForLoadState("networkidle");
    seen.push(await readerPage.getByTestId("milestone-date").allTextContents());
    await context.close();
  }
  expect(seen[0].length).toBeGreaterThan(0);
  expect(seen[1]).toEqual(seen[0]);
});
