import Database from "better-sqlite3";
import pg from "pg";
import { expect, type Page } from "@playwright/test";
import type { ReceivedEmail } from "../setup/fake-resend";
import { E2E_AUCKLAND_URL, E2E_RESEND_URL } from "../setup/ports";
import { E2E_DB } from "../setup/e2e-db";
import { TEST_DATABASE_PREFIX, testDatabaseUrl } from "../setup/postgres";
import { EMAIL_KINDS } from "../../app/models/email-kinds";

export const DEMO_REP = "rep@mutual.test";
export const DEMO_MANAGER = "manager@mutual.test";

/**
 * The newest email to `to`, as its recipient got it. The dev outbox names the newest email queued
 * for that address and, once the provider accepted it, the provider's id for it; the fake provider
 * the servers send to (tests/setup/e2e-servers.ts) has its text.
 */
export async function readLatestEmail(page: Page, to: string, baseURL = E2E_AUCKLAND_URL) {
  const text = await readLatestEmailText(page, to, baseURL);
  const link = /(https?:\/\/\S+\/(?:auth\/verify|signup\/verify|join)\?token=[A-Za-z0-9_-]+)/.exec(text)?.[1];
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!link || !code) throw new Error(`No sign-in link or code in the email: ${text}`);
  return { link, code };
}

/** The text of the newest email to `to`, as the fake provider received it. */
export async function readLatestEmailText(page: Page, to: string, baseURL = E2E_AUCKLAND_URL) {
  const providerId = await newestSentEmailId(page, to, baseURL);
  const received = (await (await fetch(`${E2E_RESEND_URL}/received`)).json()) as ReceivedEmail[];
  return received.find((email) => email.id === providerId)?.body.text ?? "";
}

/**
 * The outbox entries a test reads codes and links from: everything but notifications, which the
 * servers' background jobs (batched buyer changes, digests, reminders) may queue at any moment.
 */
const NOT_A_NOTIFICATION = `[data-testid="outbox-email"]${Object.keys(EMAIL_KINDS)
  .map((kind) => `:not([data-kind="${kind}"])`)
  .join("")}`;

async function newestSentEmailId(page: Page, to: string, baseURL: string) {
  const outbox = await page.context().newPage();
  try {
    let providerId = "";
    await expect
      .poll(
        async () => {
          await outbox.goto(`${baseURL}/dev/outbox?to=${encodeURIComponent(to)}`);
          providerId = (await outbox.locator(NOT_A_NOTIFICATION).first().getAttribute("data-provider-id")) ?? "";
          return providerId;
        },
        { message: `the newest email to ${to} reaches the provider`, timeout: 30_000 },
      )
      .not.toBe("");
    return providerId;
  } finally {
    await outbox.close();
  }
}

/**
 * Starts the sign-in rate limits afresh. The whole suite signs in from one address, far more often
 * than 30 times in 15 minutes; each test is one person's visit, so it starts with fresh windows.
 */
export async function resetRateLimits() {
  if (process.env.E2E_DATABASE === "postgresql") {
    const client = new pg.Client({ connectionString: testDatabaseUrl(`${TEST_DATABASE_PREFIX}_e2e`) });
    await client.connect();
    await client.query('DELETE FROM "RateLimitWindow"').finally(() => client.end());
    return;
  }
  const db = new Database(E2E_DB);
  try {
    db.prepare('DELETE FROM "RateLimitWindow"').run();
  } finally {
    db.close();
  }
}

/** Signs in through the emailed link: opening it shows a button; only the button signs in. */
export async function signIn(page: Page, email: string) {
  await resetRateLimits();
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

/** Creates a deal from the template through the UI and returns the deal page's URL. */
export async function createDeal(page: Page, account: string, startDate = "2026-11-02") {
  await page.goto("/deals/new");
  await page.getByLabel("Account").fill(account);
  await page.getByLabel("Deal name").fill(`${account} rollout`);
  await page.getByLabel("Amount").fill("50000");
  await page.getByLabel("Target close date").fill("2027-02-26");
  await page.getByLabel("Plan start date").fill(startDate);
  await page.getByRole("button", { name: "Create deal" }).click();
  await expect(page.getByRole("heading", { name: account, exact: true })).toBeVisible();
  return page.url();
}

/** Adds a buyer contact on the deal page the rep is on. */
export async function addBuyerContact(page: Page, name: string, email: string, role = "Champion") {
  await openDetails(page, "Add a buyer contact");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add contact" }) });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Buying role").selectOption({ label: role });
  await form.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByTestId("buyer-participant").filter({ hasText: name })).toBeVisible();
}

/** Ticks the buyer and sends the invitation; returns the link and code from the email. */
export async function inviteBuyer(page: Page, name: string, email: string) {
  await page.getByRole("checkbox", { name: `Invite ${name}` }).check();
  await page.getByRole("button", { name: "Invite selected buyers" }).click();
  await expect(page.getByText("Invitations sent.")).toBeVisible();
  return readLatestEmail(page, email);
}

/** Opens a <details> section by its summary text, unless it is already open. */
export async function openDetails(page: Page, summary: string) {
  const details = page.locator("details").filter({ has: page.locator("summary", { hasText: summary }) });
  if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await details.locator("summary").click();
}
