import { expect, test } from "@playwright/test";
import { DEMO_REP, readLatestEmail, signIn } from "./helpers";

test("a rep signs in, creates a deal from the template, re-dates a milestone and sees it in the activity list", async ({ page }) => {
  await signIn(page, DEMO_REP);
  await expect(page.getByRole("heading", { name: "Deals" })).toBeVisible();

  await page.getByRole("link", { name: "New deal" }).first().click();
  // Typing before the page has hydrated can be lost when React takes the form over.
  await expect(page.getByRole("heading", { name: "New deal" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const fields: [string, string][] = [
    ["Account", "Umbrella Corp"],
    ["Deal name", "Umbrella analytics rollout"],
    ["Amount", "72000"],
    ["Target close date", "2027-03-26"],
    ["Plan start date", "2027-01-04"],
  ];
  for (const [label, value] of fields) await page.getByLabel(label).fill(value);
  for (const [label, value] of fields) await expect(page.getByLabel(label)).toHaveValue(value);
  await page.getByRole("button", { name: "Create deal" }).click();

  await expect(page.getByRole("heading", { name: "Umbrella Corp", exact: true })).toBeVisible();
  const milestones = page.getByTestId("milestone");
  await expect(milestones).toHaveCount(8);
  const evaluation = milestones.filter({ hasText: "Technical evaluation complete" });
  // Day 14 of a plan that starts on 4 January 2027.
  await expect(evaluation.getByTestId("milestone-date")).toHaveText("18 Jan 2027");

  await evaluation.getByText("Edit").click();
  await evaluation.getByLabel("Target date").fill("2027-01-25");
  await evaluation.getByRole("button", { name: "Save milestone" }).click();

  await expect(evaluation.getByTestId("milestone-date")).toHaveText("25 Jan 2027");
  await expect(page.getByTestId("activity-entry").first()).toContainText("moved “Technical evaluation complete” from 18 Jan 2027 to 25 Jan 2027");
});

test("a second press of a used sign-in link shows a clear page with a way to get a new one", async ({ page }) => {
  await signIn(page, "rep2@mutual.test");
  const { link } = await readLatestEmail(page, "rep2@mutual.test");
  await page.context().clearCookies();
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "This link can't be used" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveText("This sign-in link or code was already used, or a newer one was sent.");
  await expect(page.getByRole("link", { name: "Send me a new link" })).toBeVisible();
});

test("the pipeline sorts by risk, filters by what the plans say, and a deal shows its health and reasons", async ({ page }) => {
  await signIn(page, "admin@mutual.test");
  const rows = page.getByTestId("pipeline-row");
  await expect(rows.first()).toContainText("Stalled");

  await page.getByLabel("Over-called").check();
  await expect(page).toHaveURL(/overcalled=1/);
  await expect(rows.filter({ hasText: "Tyrell Systems" })).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toContain("Over-called");

  await rows.filter({ hasText: "Tyrell Systems" }).click();
  await expect(page.getByTestId("derived-category")).toHaveText("Pipeline");
  await expect(page.getByTestId("forecast-reasons")).toContainText("Over-called: the rep says Commit, the plan says Pipeline");
  await expect(page.getByTestId("health-reasons")).toContainText("the deal will likely push to the next quarter");
  await expect(page.getByTestId("slippage-table")).toContainText("Countersignature");
});
