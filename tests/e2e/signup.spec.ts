import { expect, test, type Page } from "@playwright/test";
import { readLatestEmail, resetRateLimits } from "./helpers";

function newAddress() {
  return `founder-${Date.now()}-${Math.floor(Math.random() * 1e6)}@compilers.test`;
}

/** Fills the sign-up form from the sign-in page and asks for the code. */
async function askForWorkspace(page: Page, email: string, organization: string) {
  await resetRateLimits();
  await page.goto("/login");
  await page.getByRole("link", { name: "Create a workspace" }).click();
  await expect(page.getByRole("heading", { name: "Create a workspace" })).toBeVisible();
  // The page also holds the join form, with its own email and name fields.
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Email me a code", exact: true }) });
  await form.getByLabel("Work email").fill(email);
  await form.getByLabel("Your name").fill("Grace Hopper");
  await form.getByLabel("Organization name").fill(organization);
  await form.getByLabel("Timezone").selectOption("Europe/Berlin");
  await form.getByLabel("Fiscal year starts in").selectOption({ label: "April" });
  await form.getByLabel("Buyer email domains").fill("navy.example");
  await form.getByRole("button", { name: "Email me a code", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

test("a new person creates a workspace with the emailed code, lands as its admin, and edits their name and title", async ({ page }) => {
  const email = newAddress();
  await askForWorkspace(page, email, "Compilers Inc");
  const { code } = await readLatestEmail(page, email);
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL(/\/deals$/);
  const header = page.getByRole("banner");
  await expect(header).toContainText("Grace Hopper · Admin");

  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Grace Hopper");
  await page.getByLabel("Name", { exact: true }).fill("Rear Admiral Grace Hopper");
  await page.getByLabel("Job title").fill("Founder");
  await page.getByRole("button", { name: "Save profile" }).click();

  await expect(page.getByRole("status")).toHaveText("Saved");
  await expect(header).toContainText("Rear Admiral Grace Hopper · Admin");
  await page.reload();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Rear Admiral Grace Hopper");
  await expect(page.getByLabel("Job title")).toHaveValue("Founder");
});

test("the emailed link opens a page with a button, and only the button creates the workspace", async ({ page }) => {
  const email = newAddress();
  await askForWorkspace(page, email, "Linked Ltd");
  const { link } = await readLatestEmail(page, email);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Confirm your address" })).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/deals$/);
  await expect(page.getByRole("banner")).toContainText("Grace Hopper · Admin");
});
