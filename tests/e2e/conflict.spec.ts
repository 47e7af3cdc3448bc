import { expect, test } from "@playwright/test";
import { DEMO_MANAGER, signIn } from "./helpers";

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
