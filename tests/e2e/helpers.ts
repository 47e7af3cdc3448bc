import { expect, type Page } from "@playwright/test";

export const DEMO_REP = "rep@mutual.test";
export const DEMO_MANAGER = "manager@mutual.test";

/** The newest email to `to`, read from the dev outbox page as a developer would. */
export async function readLatestEmail(page: Page, to: string, baseURL = "http://localhost:3100") {
  const outbox = await page.context().newPage();
  await outbox.goto(`${baseURL}/dev/outbox?to=${encodeURIComponent(to)}`);
  const text = (await outbox.getByTestId("outbox-email").first().locator("pre").textContent()) ?? "";
  await outbox.close();
  const link = /(https?:\/\/\S+\/auth\/verify\?token=[A-Za-z0-9_-]+)/.exec(text)?.[1];
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!link || !code) throw new Error(`No sign-in link or code in the email: ${text}`);
  return { link, code };
}

/** Signs in through the emailed link: opening it shows a button; only the button signs in. */
export async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in code" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const { link } = await readLatestEmail(page, email);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Sign in to Mutual" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/deals$/);
}
