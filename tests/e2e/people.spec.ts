import { expect, test } from "@playwright/test";
import { readLatestEmailText, signIn } from "./helpers";

test("the admin invites a teammate, who opens the emailed link, joins and lands signed in as a rep", async ({ page, browser }) => {
  // Two emails go through the outbox and the provider: the admin's sign-in and the invitation.
  test.slow();
  const teammate = `teammate-${Date.now()}@mutual.test`;
  await signIn(page, "admin@mutual.test");
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();

  await page.getByLabel("Email", { exact: true }).fill(teammate);
  await page.getByLabel("Role", { exact: true }).first().selectOption({ label: "Rep" });
  await page.getByLabel("Team", { exact: true }).first().selectOption({ label: "Enterprise East" });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toHaveText(`Invitation sent to ${teammate}.`);
  await expect(page.getByTestId("pending-invitation").filter({ hasText: teammate })).toContainText("Rep · Enterprise East");

  const text = await readLatestEmailText(page, teammate);
  expect(text).toContain("Ada Admin invited you to join Northwind Software as a rep on the Enterprise East team");
  const link = /(https?:\/\/\S+\/join\/[A-Za-z0-9_-]+)/.exec(text)?.[1];
  expect(link).toBeTruthy();

  // The teammate's own browser: no session of the admin's.
  const context = await browser.newContext();
  const theirs = await context.newPage();
  try {
    const opened = await theirs.goto(link!);
    expect(opened?.headers()["referrer-policy"]).toBe("no-referrer");
    await expect(theirs.getByRole("heading", { name: "Join Northwind Software" })).toBeVisible();
    await expect(theirs.getByText("Ada Admin invited you to join Northwind Software on Mutual as a rep")).toBeVisible();
    // The token leaves the address bar once the page has loaded.
    await expect(theirs).toHaveURL(/\/join$/);

    await theirs.getByLabel("Your name").fill("Tess Teammate");
    await theirs.getByLabel("Job title (optional)").fill("Account Executive");
    await theirs.getByRole("button", { name: "Join Northwind Software" }).click();
    await expect(theirs).toHaveURL(/\/deals$/);
    await expect(theirs.getByText("Tess Teammate · Rep")).toBeVisible();

    // The link worked once: opened again, it says so.
    await theirs.goto(link!);
    await expect(theirs.getByRole("heading", { name: "This invitation was already used" })).toBeVisible();
  } finally {
    await context.close();
  }

  await page.reload();
  await expect(page.getByTestId("pending-invitation").filter({ hasText: teammate })).toHaveCount(0);
  await expect(page.getByTestId("person").filter({ hasText: teammate })).toContainText("Rep · Enterprise East");
});
