// A team adopts Mutual without a terminal: a new person creates a workspace, makes a team, invites a
// teammate by email, the teammate joins as a rep, the admin builds a six-step template, and the rep's
// plan from it falls on the right days in the workspace's timezone. The workspace is in
// Pacific/Honolulu (UTC−10), the e2e server in Pacific/Auckland and the browser in UTC, so a date
// taken from the wrong clock shows.
import { expect, test } from "@playwright/test";
import { addDays, calendarDateIn, formatCalendarDate } from "../../app/domain/dates";
import { readLatestEmail, readLatestEmailText, resetRateLimits } from "./helpers";
import { SIX_STEPS, addSixSteps } from "./template-steps";

const TIMEZONE = "Pacific/Honolulu";

test("a new workspace, a teammate invited and joined, a 6-step template, and a rep's plan dated in the workspace's timezone", async ({ page, browser }) => {
  // Three emails through the outbox and the provider, and two people's browsers.
  test.setTimeout(240_000);
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const founder = `founder-${stamp}@surfboards.test`;
  const teammate = `teammate-${stamp}@surfboards.test`;
  const organization = `Surfboards ${stamp}`;

  await test.step("a new person creates the workspace and lands as its admin", async () => {
    await resetRateLimits();
    await page.goto("/login");
    await page.getByRole("link", { name: "Create a workspace" }).click();
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Email me a code", exact: true }) });
    await form.getByLabel("Work email").fill(founder);
    await form.getByLabel("Your name").fill("Fran Founder");
    await form.getByLabel("Organization name").fill(organization);
    await form.getByLabel("Timezone").selectOption(TIMEZONE);
    await form.getByLabel("Fiscal year starts in").selectOption({ label: "February" });
    await form.getByRole("button", { name: "Email me a code", exact: true }).click();
    const { code } = await readLatestEmail(page, founder);
    await page.getByLabel("Code").fill(code);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/deals$/);
    await expect(page.getByRole("banner")).toContainText("Fran Founder · Admin");
  });

  await test.step("the admin makes a team and invites a teammate to it as a rep", async () => {
    await page.goto("/settings/teams");
    await page.getByLabel("Team name").first().fill("Hawaii");
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByLabel("Team name").nth(1)).toHaveValue("Hawaii");
    await page.goto("/settings/people");
    await page.getByLabel("Email", { exact: true }).fill(teammate);
    await page.getByLabel("Role", { exact: true }).first().selectOption({ label: "Rep" });
    await page.getByLabel("Team", { exact: true }).first().selectOption({ label: "Hawaii" });
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByTestId("pending-invitation").filter({ hasText: teammate })).toContainText("Rep · Hawaii");
  });

  const rep = await (await browser.newContext()).newPage();
  await test.step("the teammate joins from the emailed link and lands signed in as a rep", async () => {
    const link = /(https?:\/\/\S+\/join\/[A-Za-z0-9_-]+)/.exec(await readLatestEmailText(page, teammate))?.[1];
    expect(link, "the invitation's link").toBeTruthy();
    await rep.goto(link!);
    await rep.getByLabel("Your name").fill("Kai Rep");
    await rep.getByRole("button", { name: `Join ${organization}` }).click();
    await expect(rep).toHaveURL(/\/deals$/);
    await expect(rep.getByRole("banner")).toContainText("Kai Rep · Rep");
  });

  const template = `Island close ${stamp}`;
  await test.step("the admin builds a six-step template", async () => {
    await page.goto("/settings/templates");
    await page.getByLabel("Name").fill(template);
    await page.getByRole("button", { name: "Create template" }).click();
    await expect(page.getByRole("heading", { level: 1, name: template })).toBeVisible();
    await addSixSteps(page);
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
    await expect(page.getByTestId("template-step")).toHaveCount(6);
  });

  await test.step("the rep's new plan from it falls on the right days in Honolulu", async () => {
    const today = calendarDateIn(TIMEZONE);
    await rep.goto("/deals/new");
    await expect(rep.getByLabel("Plan start date")).toHaveValue(today);
    await rep.getByLabel("Account").fill("Wave Riders");
    await rep.getByLabel("Deal name").fill("Wave Riders fleet");
    await rep.getByLabel("Amount").fill("42000");
    await rep.getByLabel("Target close date").fill(addDays(today, 90));
    await rep.getByLabel("Template", { exact: true }).selectOption({ label: `${template} (6 steps)` });
    await rep.getByRole("button", { name: "Create deal" }).click();
    await expect(rep.getByRole("heading", { name: "Wave Riders", exact: true })).toBeVisible();
    await expect(rep.getByTestId("milestone")).toHaveCount(6);
    await expect(rep.getByTestId("milestone-date")).toHaveText(SIX_STEPS.map((s) => formatCalendarDate(addDays(today, s.day))));
  });
  await rep.context().close();
});
