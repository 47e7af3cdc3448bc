import { expect, test } from "@playwright/test";
import { DEMO_MANAGER, createDeal, signIn } from "./helpers";

test("a stale save shows the saved version and what the user typed, and overwrites nothing", async ({ page }) => {
  await signIn(page, DEMO_MANAGER);
  await page.getByRole("link").filter({ hasText: "Plan draft" }).first().click();
  await page.waitForURL(/\/deals\/[a-z0-9]{20,}$/);
  const dealUrl = page.url();
  const other = await page.context().newPage();
  await other.goto(dealUrl);

  const mine = page.getByTestId("milestone").first();
  const theirs = other.getByTestId("milestone").first();
  await mine.getByText("Edit").click();
  await theirs.getByText("Edit").click();

  await theirs.getByLabel("Title").fill("Business case sent to the CFO");
  await theirs.getByRole("button", { name: "Save milestone" }).click();
  await expect(theirs.getByTestId("milestone-title")).toHaveText("Business case sent to the CFO");

  await mine.getByLabel("Title").fill("Business case drafted");
  await mine.getByRole("button", { name: "Save milestone" }).click();

  await expect(mine.getByRole("alert")).toContainText("Someone else saved this first");
  await expect(mine.getByRole("alert")).toContainText("Business case drafted");
  await expect(mine.getByTestId("milestone-title")).toHaveText("Business case sent to the CFO");
  await expect(mine.getByLabel("Title")).toHaveValue("Business case sent to the CFO");

  await other.reload();
  await expect(theirs.getByTestId("milestone-title")).toHaveText("Business case sent to the CFO");

  // The user may keep theirs instead, knowingly.
  await mine.getByRole("button", { name: "Keep mine instead" }).click();
  await expect(mine.getByTestId("milestone-title")).toHaveText("Business case drafted");
  await other.reload();
  await expect(theirs.getByTestId("milestone-title")).toHaveText("Business case drafted");
});

test("without JavaScript, a seller's stale save shows the conflict and Keep mine instead stores theirs", async ({ page, browser }) => {
  await signIn(page, "admin@mutual.test");
  const dealUrl = await createDeal(page, "Initech");
  // The same seller in a browser with JavaScript off, with the milestone's form open and filled.
  const plain = await (await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() })).newPage();
  await plain.goto(dealUrl);
  const mine = plain.getByTestId("milestone").first();
  await mine.getByText("Edit").click();
  await mine.getByLabel("Title").fill("Business case drafted offline");

  const theirs = page.getByTestId("milestone").first();
  await theirs.getByText("Edit").click();
  await theirs.getByLabel("Title").fill("Business case sent to the CFO");
  await theirs.getByRole("button", { name: "Save milestone" }).click();
  await expect(theirs.getByTestId("milestone-title")).toHaveText("Business case sent to the CFO");

  await mine.getByRole("button", { name: "Save milestone" }).click();
  const notice = plain.getByTestId("milestone").first().getByRole("alert");
  await expect(notice).toContainText("Someone else saved this first");
  await expect(notice).toContainText("Business case drafted offline");
  await notice.getByRole("button", { name: "Keep mine instead" }).click();
  await expect(plain.getByTestId("milestone").first().getByTestId("milestone-title")).toHaveText("Business case drafted offline");
  await page.reload();
  await expect(page.getByTestId("milestone").first().getByTestId("milestone-title")).toHaveText("Business case drafted offline");
});
