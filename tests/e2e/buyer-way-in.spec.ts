import { E2E_DB } from "../setup/e2e-db";
// The buyer's way in as the invitation email describes it (docs/product.md, "Access"): the code
// typed on the plan's page in a browser that never saw the invitation, and an invitation opened
// after it expired, which names the vendor and the plan and sends a fresh link with one press.
import { expect, test, type Browser } from "@playwright/test";
import Database from "better-sqlite3";
import { addBuyerContact, createDeal, inviteBuyer, readLatestEmail, signIn } from "./helpers";

const DAY_MS = 86_400_000;
// The file tests/setup/e2e-servers.ts serves from (importing that module would start the servers).

/** A browser with no cookies and no history, like a buyer's second device. */
async function freshDevice(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  return { context, page: await context.newPage() };
}

/** Moves an invitation's dates back, as if it was sent `days` ago, in the servers' database file. */
function sentDaysAgo(email: string, days: number) {
  const db = new Database(E2E_DB);
  db.pragma("busy_timeout = 5000");
  const stored = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  const now = Date.now();
  const changed = db
    .prepare("UPDATE Verification SET createdAt = ?, expiresAt = ? WHERE target = ? AND type IN ('BUYER_INVITE', 'BUYER_INVITE_CODE') AND usedAt IS NULL")
    .run(stored(now - days * DAY_MS), stored(now - (days - 7) * DAY_MS), email).changes;
  db.close();
  expect(changed).toBe(2);
}

test("the invitation's code opens the plan on a fresh device, even after asking there for a new code", async ({ page, browser }) => {
  await signIn(page, "admin@mutual.test");
  await createDeal(page, "Umbrella");
  await addBuyerContact(page, "Uma Buyer", "uma@umbrella.example");
  const { link, code } = await inviteBuyer(page, "Uma Buyer", "uma@umbrella.example");
  const planPath = new URL(link).pathname.replace(/\/join$/, "");

  const { context, page: phone } = await freshDevice(browser);
  await phone.goto(planPath);
  await expect(phone).toHaveURL(/\/join$/);
  // What the buyer in the report did first: ask for a code by email on this device.
  await phone.getByLabel("Work email").fill("uma@umbrella.example");
  await phone.getByRole("button", { name: "Email me a code" }).click();
  await expect(phone.getByRole("heading", { name: "Check your email" })).toBeVisible();

  await phone.goto(planPath);
  await phone.getByRole("link", { name: "I have a code" }).click();
  await phone.getByLabel("Work email").fill("uma@umbrella.example");
  await phone.getByLabel("Code").fill(code);
  await phone.getByRole("button", { name: "Open the plan" }).click();
  await expect(phone.getByRole("heading", { name: "Umbrella: mutual action plan" })).toBeVisible();
  await context.close();
});

test("an invitation opened 8 days later names the vendor and the plan, and sends a new link that works", async ({ page, browser }) => {
  await signIn(page, "admin@mutual.test");
  await createDeal(page, "Vandelay");
  await addBuyerContact(page, "Vic Buyer", "vic@vandelay.example");
  const { link } = await inviteBuyer(page, "Vic Buyer", "vic@vandelay.example");

  const { context, page: laptop } = await freshDevice(browser);
  await laptop.goto(link);
  await expect(laptop.getByRole("button", { name: "Continue as Vic Buyer" })).toBeVisible();
  await expect(laptop.getByRole("link", { name: "I'm someone else" })).toBeVisible();

  sentDaysAgo("vic@vandelay.example", 8);
  await laptop.goto(link);
  await expect(laptop.getByRole("heading", { name: "This invitation can't be used" })).toBeVisible();
  const alert = laptop.getByRole("alert");
  await expect(alert).toContainText("Vandelay: mutual action plan");
  await expect(alert).toContainText("Northwind Software");
  await expect(alert).toContainText("has expired");
  await expect(laptop.getByText("vic@vandelay.example")).toHaveCount(0);
  expect(await context.cookies()).toEqual([]);

  await laptop.getByRole("button", { name: "Send me a new link" }).click();
  await expect(laptop.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const fresh = await readLatestEmail(laptop, "vic@vandelay.example");
  expect(fresh.link).not.toBe(link);

  await laptop.goto(fresh.link);
  await laptop.getByRole("button", { name: "Continue as Vic Buyer" }).click();
  await expect(laptop.getByRole("heading", { name: "Vandelay: mutual action plan" })).toBeVisible();
  await context.close();
});
