import { expect, test } from "@playwright/test";
import { addDays, calendarDateIn, formatCalendarDate } from "../../app/domain/dates";
import { DEMO_REP, signIn } from "./helpers";
import { SIX_STEPS, addSixSteps } from "./template-steps";

// The demo organization works in America/New_York; the e2e server runs in Pacific/Auckland and the
// browser in UTC. A plan starts on the organization's today and Day N falls N calendar days later.
const DEMO_ADMIN = "admin@mutual.test";
const TEMPLATE = `Six-step close ${Date.now().toString(36)}`;

test("an admin builds a 6-step template and a rep's new plan from it is dated in the organization's timezone", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO_ADMIN);
  await page.goto("/templates");
  await expect(page).toHaveURL(/\/settings\/templates$/);
  await expect(page.getByTestId("template-row").filter({ hasText: "Standard B2B plan" })).toBeVisible();
  await page.getByLabel("Name").fill(TEMPLATE);
  await page.getByLabel("Description").fill("Short cycle for small deals");
  await page.getByRole("button", { name: "Create template" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TEMPLATE })).toBeVisible();

  await addSixSteps(page);
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await expect(page.getByTestId("template-step").nth(5).getByLabel("Title")).toHaveValue("Signature");
  await expect(
    page
      .getByTestId("template-step")
      .nth(3)
      .getByLabel(/Internal only/),
  ).toBeChecked();

  await page.getByRole("link", { name: "Templates", exact: true }).first().click();
  await expect(page.getByTestId("template-row").filter({ hasText: TEMPLATE })).toContainText("6 steps");

  const repContext = await browser.newContext();
  const rep = await repContext.newPage();
  await signIn(rep, DEMO_REP);
  await rep.goto("/deals/new");
  const today = calendarDateIn("America/New_York");
  await expect(rep.getByLabel("Plan start date")).toHaveValue(today);
  await rep.getByLabel("Account").fill("Template Works");
  await rep.getByLabel("Deal name").fill("Template Works pilot");
  await rep.getByLabel("Amount").fill("20000");
  await rep.getByLabel("Target close date").fill(addDays(today, 120));
  await rep.getByLabel("Template", { exact: true }).selectOption({ label: `${TEMPLATE} (6 steps)` });
  await rep.getByRole("button", { name: "Create deal" }).click();
  await expect(rep.getByRole("heading", { name: "Template Works", exact: true })).toBeVisible();

  const milestones = rep.getByTestId("milestone");
  await expect(milestones).toHaveCount(6);
  await expect(rep.getByTestId("milestone-date")).toHaveText(SIX_STEPS.map((s) => formatCalendarDate(addDays(today, s.day))));
  await expect(milestones.nth(3)).toContainText("Internal only");
  await repContext.close();
});
