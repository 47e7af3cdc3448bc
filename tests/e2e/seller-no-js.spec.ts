import { expect, test, type Locator } from "@playwright/test";
import { createDeal, signIn } from "./helpers";

test("without JavaScript, a seller's save answers with the page at the step: reload never re-posts, Back and Forward show pages", async ({ page, browser }) => {
  await signIn(page, "rep2@mutual.test");
  // The new deal page opens at its "#deal" anchor; the step's own anchor replaces it below.
  const dealUrl = (await createDeal(page, "Stark Industries")).split("#")[0];
  const plain = await (await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() })).newPage();
  await plain.goto(dealUrl);

  const step = plain.getByTestId("milestone").filter({ hasText: "Security review" });
  const stepId = await step.getAttribute("data-milestone-id");
  await step.getByText("Edit").click();

  // A refused save re-renders with 400 and keeps what was typed.
  await step.getByLabel("Title").fill("");
  await step.getByLabel("Output").fill("Questionnaire and pen-test report");
  const refused = plain.waitForResponse((r) => r.request().method() === "POST");
  await step.getByRole("button", { name: "Save milestone" }).click();
  expect((await refused).status()).toBe(400);
  await expect(step.getByText("Title is required")).toBeVisible();
  await expect(step.getByLabel("Output")).toHaveValue("Questionnaire and pen-test report");

  await step.getByLabel("Title").fill("Security review with the CISO");
  const saved = plain.waitForResponse((r) => r.request().method() === "POST");
  await step.getByRole("button", { name: "Save milestone" }).click();
  expect((await saved).status()).toBe(303);
  await expect(plain).toHaveURL(`${dealUrl}#milestone-${stepId}`);
  const renamed = plain.getByTestId("milestone").filter({ hasText: "Security review with the CISO" });
  await expect(renamed.getByRole("status")).toHaveText("Saved");
  expect(await editPanelOf(renamed).evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
  const history = plain.getByTestId("activity-entry").filter({ hasText: "changed the title and output of “Security review with the CISO”" });
  await expect(history).toHaveCount(1);

  // Reload is a GET of the page: nothing is posted again, and the notice has been shown once.
  await plain.reload();
  await expect(renamed.getByTestId("milestone-title")).toHaveText("Security review with the CISO");
  await expect(history).toHaveCount(1);
  await expect(renamed.getByRole("status")).toHaveCount(0);

  await plain.goBack();
  await expect(plain.getByRole("heading", { name: "Stark Industries", exact: true })).toBeVisible();
  await plain.goForward();
  await expect(plain.getByRole("heading", { name: "Stark Industries", exact: true })).toBeVisible();
  await expect(history).toHaveCount(1);
  await plain.context().close();
});

test("with JavaScript, a save keeps the page where the step is and closes its panel", async ({ page }) => {
  await signIn(page, "rep2@mutual.test");
  await createDeal(page, "Wayne Enterprises");
  const step = page.getByTestId("milestone").filter({ hasText: "Legal redlines exchanged" });
  await step.scrollIntoViewIfNeeded();
  await step.getByText("Edit").click();
  await step.getByLabel("Target date").fill("2027-01-05");
  await step.getByRole("button", { name: "Save milestone" }).click();

  await expect(step.getByRole("status")).toHaveText("Saved");
  await expect(step).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  expect(await editPanelOf(step).evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
  await expect(page.getByTestId("activity-entry").first()).toContainText("moved “Legal redlines exchanged” from");
});

/** A step's "Edit" panel (a step also holds its "Comment or note" panel). */
function editPanelOf(step: Locator) {
  return step.locator("details").filter({ has: step.page().locator("summary", { hasText: /^Edit$/ }) });
}
