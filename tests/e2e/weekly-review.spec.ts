import { expect, test, type Page } from "@playwright/test";
import { DEMO_MANAGER, signIn } from "./helpers";

const dealCard = (page: Page, account: string) => page.getByTestId("review-deal").filter({ hasText: account });

test("a manager reads a rep's deal risks, notes them in last week's review, and finds the note under earlier reviews this week", async ({ page }) => {
  const note = `Ask Oliver for an introduction to procurement (${Date.now()})`;
  await signIn(page, DEMO_MANAGER);
  await page.getByRole("link", { name: "Weekly review" }).first().click();
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole("navigation", { name: "Manager views" })).toBeVisible();

  await page.getByLabel("Rep").selectOption({ label: "Sam Seller (Enterprise East)" });
  await page.getByRole("button", { name: "Open review" }).click();
  await expect(page.getByRole("heading", { name: "Weekly review: Sam Seller" })).toBeVisible();
  const thisWeekUrl = page.url();

  // The high-risk deal comes first, with its stakeholder gaps and the health reason behind them.
  const brightwater = dealCard(page, "Brightwater Foods Ltd");
  await expect(page.getByRole("heading", { name: "Discuss first" })).toBeVisible();
  await expect(brightwater.getByTestId("review-gaps")).toContainText("High-risk multi-threading: 4 of 6 buying roles weak or unknown");
  await expect(brightwater.getByTestId("review-gaps")).toContainText("Procurement missing: six-week delay at signature");
  await expect(brightwater.getByTestId("review-health")).toContainText("High-risk multi-threading");
  await expect(brightwater).toContainText("Next step:");

  // Last week's meeting: the note is taken on that week's review.
  await page.getByRole("link", { name: "Previous week" }).click();
  await expect(page.getByTestId("review-week")).not.toContainText("(this week)");
  const lastWeek = dealCard(page, "Brightwater Foods Ltd");
  await lastWeek.getByRole("textbox").fill(note);
  await lastWeek.getByRole("button", { name: "Save note" }).click();
  await expect(lastWeek.getByRole("status")).toHaveText("Note saved");
  await expect(lastWeek).toContainText(note);

  // This week: the note is there, under earlier reviews, with its week and author.
  await page.getByRole("link", { name: "This week" }).click();
  await expect(page).toHaveURL(/week=/);
  await expect(page.getByTestId("review-week")).toContainText("(this week)");
  const earlier = dealCard(page, "Brightwater Foods Ltd").getByTestId("earlier-reviews");
  await expect(earlier).toContainText(note);
  await expect(earlier).toContainText("Morgan Manager, week of");
  expect(new URL(page.url()).searchParams.get("rep")).toBe(new URL(thisWeekUrl).searchParams.get("rep"));
});

test("without JavaScript, a review note saves with a redirect, and an empty one is refused with its error", async ({ page, browser }) => {
  await signIn(page, DEMO_MANAGER);
  const plain = await (await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() })).newPage();
  await plain.goto("/review");
  await plain.getByLabel("Rep").selectOption({ label: "Sam Seller (Enterprise East)" });
  await plain.getByRole("button", { name: "Open review" }).click();
  const kessler = dealCard(plain, "Kessler Maschinenbau GmbH");

  const refused = plain.waitForResponse((r) => r.request().method() === "POST");
  await kessler.getByRole("button", { name: "Save note" }).click();
  expect((await refused).status()).toBe(400);
  await expect(dealCard(plain, "Kessler Maschinenbau GmbH").getByRole("alert")).toHaveText("Note is required");

  const note = `Klaus to confirm the re-plan (${Date.now()})`;
  await dealCard(plain, "Kessler Maschinenbau GmbH").getByRole("textbox").fill(note);
  const saved = plain.waitForResponse((r) => r.request().method() === "POST");
  await dealCard(plain, "Kessler Maschinenbau GmbH").getByRole("button", { name: "Save note" }).click();
  expect((await saved).status()).toBe(303);
  await expect(plain).toHaveURL(/\/review\?rep=.*#review-/);
  await expect(dealCard(plain, "Kessler Maschinenbau GmbH")).toContainText(note);
});

test("a rep reads buying roles on the stakeholder map from the keyboard, and the high-risk flag lifts", async ({ page }) => {
  await signIn(page, "rep2@mutual.test");
  await page
    .getByRole("link", { name: /Kessler Maschinenbau GmbH/ })
    .first()
    .click();
  const map = page.getByTestId("stakeholder-map");
  await expect(map.getByTestId("stakeholder-high-risk")).toContainText("High-risk multi-threading: 5 of 6 buying roles weak or unknown");
  await expect(map.getByTestId("stakeholder-PROCUREMENT")).toContainText("suggested from engagement");

  for (const [role, label] of [
    ["PROCUREMENT", "Procurement"],
    ["TECHNICAL_EVALUATOR", "Technical evaluator"],
    ["EXECUTIVE_SPONSOR", "Executive sponsor"],
  ] as const) {
    const row = map.getByTestId(`stakeholder-${role}`);
    await row.getByLabel(`${label}: Strength`).focus();
    await page.keyboard.press("ArrowDown"); // Suggested → Strong
    await page.keyboard.press("ArrowDown"); // → Lukewarm
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(row.getByRole("button", { name: `Save ${label}` })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(row.getByRole("status")).toHaveText("Saved");
    await expect(row).toContainText("the rep's reading");
  }
  await expect(map.getByTestId("stakeholder-high-risk")).toHaveCount(0);
  await expect(map).toContainText("2 of 6 buying roles weak or unknown");
  await expect(page.getByTestId("activity-entry").filter({ hasText: "rated the Procurement role Lukewarm on the stakeholder map" })).toHaveCount(1);
});
