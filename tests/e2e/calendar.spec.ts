import { readFile } from "node:fs/promises";
import ICAL from "ical.js";
import { expect, test, type Browser, type Cookie } from "@playwright/test";
import { E2E_AUCKLAND_URL, E2E_LOS_ANGELES_URL } from "../setup/ports";
import { addBuyerContact, createDeal, DEMO_REP, inviteBuyer, signIn } from "./helpers";

// The same database served by a server in Pacific/Auckland (UTC+13 in summer) and one in
// America/Los_Angeles (UTC−8), read by browsers in those zones: a plan's calendar must put every
// step on the date the deal page shows, whichever server answers and wherever it is read.
const READERS = [
  { server: E2E_AUCKLAND_URL, timezoneId: "Pacific/Auckland" },
  { server: E2E_LOS_ANGELES_URL, timezoneId: "America/Los_Angeles" },
];

/** "7 Dec 2026", as the deal page writes a calendar date. */
const SHOWN = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });

function eventDates(ics: string): Map<string, string> {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return new Map(
    calendar.getAllSubcomponents("vevent").map((vevent) => {
      const event = new ICAL.Event(vevent);
      expect(event.startDate.isDate).toBe(true);
      const { year, month, day } = event.startDate;
      return [event.uid.split("@")[0], SHOWN.format(Date.UTC(year, month - 1, day))];
    }),
  );
}

/** Each step's id and the date the deal page shows for it, read in a browser in `timezoneId` from `server`. */
async function datesShown(browser: Browser, cookies: Cookie[], url: string, timezoneId: string) {
  const context = await browser.newContext({ timezoneId });
  await context.addCookies(cookies.map((c) => ({ ...c, domain: "localhost" })));
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId("milestone").first()).toBeVisible();
  await page.waitForLoadState("networkidle"); // hydrated: the browser rendered it in its own zone
  const rows = await page
    .getByTestId("milestone")
    .evaluateAll((items) =>
      items.map((item) => [item.getAttribute("data-milestone-id") ?? "", item.querySelector("[data-testid=milestone-date]")?.textContent ?? ""] as const),
    );
  await context.close();
  return new Map(rows);
}

test("a plan's calendar address puts every step on the date the deal page shows, on both servers", async ({ page, browser }) => {
  await signIn(page, DEMO_REP);
  const dealUrl = await createDeal(page, `Calendrier ${Date.now()}`, "2026-12-28");
  const calendar = page.locator("#calendar");
  await calendar.getByRole("button", { name: "Make a calendar address" }).click();
  const address = await calendar.getByLabel("New calendar address").inputValue();
  expect(address).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await expect(calendar.getByTestId("calendar-feed")).toContainText("not fetched yet");
  const path = new URL(address).pathname;
  const dealPath = new URL(dealUrl).pathname;
  const cookies = await page.context().cookies();

  for (const reader of READERS) {
    const answer = await fetch(reader.server + path);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(answer.headers.get("set-cookie")).toBeNull();
    const events = eventDates(await answer.text());
    const shown = await datesShown(browser, cookies, reader.server + dealPath, reader.timezoneId);
    expect(events.size).toBeGreaterThan(0);
    expect(events).toEqual(shown);
  }

  // The address is shown once: after a reload only when it was made and last fetched remain.
  await page.reload();
  await expect(calendar.getByLabel("New calendar address")).toHaveCount(0);
  await expect(calendar.getByTestId("calendar-feed")).toContainText("last fetched");
  page.once("dialog", (dialog) => void dialog.accept());
  await calendar.getByRole("button", { name: "Revoke" }).click();
  await expect(calendar.getByTestId("calendar-feed")).toHaveCount(0);
  expect((await fetch(E2E_AUCKLAND_URL + path)).status).toBe(404);
});

test("a buyer adds one step to their calendar from the plan page, and is told the seller sees their visits", async ({ page, browser }) => {
  await signIn(page, DEMO_REP);
  await createDeal(page, `Agenda ${Date.now()}`);
  await addBuyerContact(page, "Cleo Calendar", "cleo@agenda.example");
  const { link } = await inviteBuyer(page, "Cleo Calendar", "cleo@agenda.example");

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: "Pacific/Honolulu" });
  const buyer = await context.newPage();
  await buyer.goto(link);
  await buyer.getByRole("button", { name: "Continue" }).click();
  await expect(buyer.getByTestId("visits-notice")).toHaveText(/^\S.* sees when you open this plan and which steps you open or change\.$/);
  const card = buyer.getByTestId("milestone").filter({ hasText: "Security review submitted" });
  const shownDate = await card.getByTestId("milestone-date").textContent();
  const [download] = await Promise.all([buyer.waitForEvent("download"), card.getByRole("link", { name: /^Add to calendar/ }).click()]);
  expect(download.suggestedFilename()).toBe("Security-review-submitted.ics");
  const text = await readFile(await download.path(), "utf8");
  const [[, date]] = [...eventDates(text)];
  // The plan page writes the long form ("Mon, 7 Dec 2026"); the calendar holds the same day.
  expect(shownDate).toContain(date);
  await context.close();
});
