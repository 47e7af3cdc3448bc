import { expect, test } from "@playwright/test";
import { addBuyerContact, createDeal, inviteBuyer, signIn } from "./helpers";

test("an open buyer page picks up the rep's change without losing what the buyer is typing", async ({ page, browser }) => {
  await signIn(page, "rep@mutual.test");
  await createDeal(page, "Pied Piper");
  await addBuyerContact(page, "Richard Buyer", "richard@piedpiper.example");
  const { link } = await inviteBuyer(page, "Richard Buyer", "richard@piedpiper.example");

  const context = await browser.newContext();
  const buyer = await context.newPage();
  await buyer.goto(link);
  await buyer.getByRole("button", { name: "Continue" }).click();
  const card = buyer.getByTestId("milestone").filter({ hasText: "Countersignature" });
  await card.getByLabel("Comment on Countersignature").fill("Half-typed thought");

  const step = page.getByTestId("milestone").filter({ hasText: "Countersignature" });
  await step.getByText("Edit").click();
  await step.getByLabel("Title").fill("Countersignature by the CEO");
  await step.getByRole("button", { name: "Save milestone" }).click();
  await expect(step.getByTestId("milestone-title")).toHaveText("Countersignature by the CEO");

  await expect(buyer.getByTestId("milestone").filter({ hasText: "Countersignature by the CEO" })).toBeVisible({ timeout: 20_000 });
  await expect(buyer.getByLabel("Comment on Countersignature by the CEO")).toHaveValue("Half-typed thought");
  await context.close();
});

test("an open deal page asks cheaply while nothing changes, and shows the buyer's comment once one is made", async ({ page, browser }) => {
  await signIn(page, "rep@mutual.test");
  await createDeal(page, "Hooli");
  await addBuyerContact(page, "Gavin Buyer", "gavin@hooli.example");
  const { link } = await inviteBuyer(page, "Gavin Buyer", "gavin@hooli.example");

  // While nothing changes, every poll is a 304 and the page's loaders do not run again.
  const polls: number[] = [];
  let reloads = 0;
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.pathname.endsWith("/changes")) polls.push(response.status());
    if (url.pathname.endsWith(".data")) reloads++;
  });
  await expect.poll(() => polls.length, { timeout: 25_000 }).toBeGreaterThanOrEqual(2);
  expect(polls.every((status) => status === 304)).toBe(true);
  expect(reloads).toBe(0);

  const context = await browser.newContext();
  const buyer = await context.newPage();
  await buyer.goto(link);
  await buyer.getByRole("button", { name: "Continue" }).click();
  const card = buyer.getByTestId("milestone").filter({ hasText: "Countersignature" });
  await card.getByLabel("Comment on Countersignature").fill("Our CEO signs on Friday");
  await card.getByRole("button", { name: "Send" }).click();
  await expect(buyer.getByText("Our CEO signs on Friday").first()).toBeVisible();

  await expect(page.getByText("Our CEO signs on Friday").first()).toBeVisible({ timeout: 25_000 });
  expect(reloads).toBeGreaterThanOrEqual(1);
  await context.close();
});

test("a rep's save answers with what changed: the page shows it without reloading, and its next poll is a 304", async ({ page }) => {
  await signIn(page, "rep@mutual.test");
  await createDeal(page, "Massive Dynamic");
  await page.waitForLoadState("networkidle");
  const reloads: string[] = [];
  const polls: number[] = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.pathname.endsWith("/changes")) polls.push(response.status());
    if (url.pathname.endsWith(".data") && response.request().method() === "GET") reloads.push(url.pathname);
  });

  const step = page.getByTestId("milestone").filter({ hasText: "Countersignature" });
  await step.getByText("Edit").click();
  // After the target close date: the plan's figures move with the step.
  await step.getByLabel("Target date").fill("2027-04-30");
  await step.getByRole("button", { name: "Save milestone" }).click();
  await expect(step.getByTestId("milestone-date")).toHaveText("30 Apr 2027");
  await expect(step.getByRole("status")).toHaveText("Saved");
  // The panel closed; the keyboard carries on from its summary.
  await expect(step.locator("summary").first()).toBeFocused();
  await expect(page.getByTestId("activity-entry").first()).toContainText("Countersignature");
  const health = (await page.getByTestId("health-panel").textContent()) ?? "";

  // The page adopted the tag of its own save: polls find nothing new and nothing reloads.
  await expect.poll(() => polls.length, { timeout: 25_000 }).toBeGreaterThanOrEqual(1);
  expect(polls.every((status) => status === 304)).toBe(true);
  expect(reloads).toEqual([]);

  // What the answer showed is what a fresh load shows.
  await page.reload();
  await expect(page.getByTestId("health-panel")).toHaveText(health);
  await expect(page.getByTestId("milestone").filter({ hasText: "Countersignature" }).getByTestId("milestone-date")).toHaveText("30 Apr 2027");
});
