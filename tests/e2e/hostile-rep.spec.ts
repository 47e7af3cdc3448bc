import { E2E_DB } from "../setup/e2e-db";
// A rep who types dates no plan can hold, and a row written around the app: each date is refused
// with a field error, and a stored date the app cannot read breaks only its own deal, which is
// then archived and deleted from the UI.
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_MANAGER, DEMO_REP, createDeal, signIn } from "./helpers";

/** The e2e servers' database (tests/setup/e2e-servers.ts). */
const RANGE_ERROR = "Choose a date between 1 Jan 2000 and 31 Dec 2099.";

// Each test walks through many pages and two or three sign-ins: more than the default minute on a busy machine.
test.describe.configure({ timeout: 240_000 });

async function fillNewDeal(page: Page, close: string, start: string) {
  await page.goto("/deals/new");
  await page.getByLabel("Account").fill("Hostile Dates Co");
  await page.getByLabel("Deal name").fill("Hostile rollout");
  await page.getByLabel("Amount").fill("10000");
  await page.getByLabel("Target close date").fill(close);
  await page.getByLabel("Plan start date").fill(start);
  await page.getByRole("button", { name: "Create deal" }).click();
}

/** Writes a deal straight into the e2e database, as a bad import or a hand-edited row would. */
// A fresh id per run, so a retry of the test does not collide with the first attempt's row.
const FORCED_DEAL_ID = `forced-unreadable-${Date.now()}`;

function forceDealWithDate(copyOf: string, targetCloseDate: string) {
  const db = new Database(E2E_DB);
  try {
    db.prepare(
      `INSERT INTO "Deal" ("id", "organizationId", "ownerId", "accountName", "name", "amount", "currency", "stage", "targetCloseDate",
                           "repForecastCategory", "outcome", "version", "createdAt", "updatedAt")
       SELECT ?, "organizationId", "ownerId", 'Unreadable Date Co', 'Unreadable rollout', 40000, 'USD', 3, ?,
              'COMMIT', 'OPEN', 1, "createdAt", "updatedAt" FROM "Deal" WHERE "id" = ?`,
    ).run(FORCED_DEAL_ID, targetCloseDate, copyOf);
  } finally {
    db.close();
  }
}

test("dates outside 2000–2099, impossible dates and a plan start after the close date are refused with field errors", async ({ page }) => {
  await signIn(page, DEMO_REP);

  await fillNewDeal(page, "2027-02-26", "9999-12-01");
  await expect(page.getByText(RANGE_ERROR)).toBeVisible();
  await expect(page).toHaveURL(/\/deals\/new$/);

  await fillNewDeal(page, "2027-02-26", "0001-01-01");
  await expect(page.getByText(RANGE_ERROR)).toBeVisible();

  await fillNewDeal(page, "9999-12-31", "2027-01-04");
  await expect(page.getByText(RANGE_ERROR)).toBeVisible();

  await fillNewDeal(page, "2027-02-26", "2027-03-15");
  await expect(page.getByText("The plan cannot start after the target close date (26 Feb 2027). Choose an earlier start.")).toBeVisible();
  await expect(page).toHaveURL(/\/deals\/new$/);

  // Without JavaScript the server gives the same answer.
  const response = await page.request.post("/deals/new", {
    form: {
      accountName: "Hostile Dates Co",
      name: "Hostile rollout",
      amount: "10000",
      currency: "USD",
      stage: "2",
      targetCloseDate: "2027-02-26",
      repForecastCategory: "PIPELINE",
      planMode: "template",
      planStartDate: "9999-12-01",
      ownerId: "",
    },
  });
  expect(response.status()).toBe(400);
  await page.goto("/deals?q=hostile");
  await expect(page.getByText("No deal matches these filters.")).toBeVisible();
});

test("a stored date the app cannot read breaks only its own deal, which is then archived and deleted", async ({ page, browser }) => {
  await signIn(page, DEMO_REP);
  const healthyUrl = await createDeal(page, "Readable Dates Co");
  forceDealWithDate(new URL(healthyUrl).pathname.split("/").pop()!, "+010000-01-01");

  // The list renders, with the broken deal flagged and every other deal as before.
  await page.goto("/deals");
  const rows = page.getByTestId("pipeline-row");
  const broken = rows.filter({ hasText: "Unreadable Date Co" });
  await expect(broken).toContainText("This deal has a date we cannot read: the target close date");
  await expect(rows.filter({ hasText: "Readable Dates Co" })).toContainText(/Healthy|At risk|Stalled/);
  expect(await rows.count()).toBeGreaterThan(2);

  // Another deal's page shows its figures; the broken deal's page says what to fix.
  await page.goto(healthyUrl);
  await expect(page.getByTestId("health-panel")).toBeVisible();
  await page.goto(`/deals/${FORCED_DEAL_ID}`);
  await expect(page.getByTestId("unreadable-date")).toContainText("This deal has a date we cannot read");
  await expect(page.getByTestId("unreadable-date")).toContainText("The problem is the target close date.");

  // The manager's dashboard renders for the whole team.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, DEMO_MANAGER);
  await manager.goto("/dashboard");
  await expect(manager.getByTestId("kpi-cards")).toContainText("MAP completion");
  await managerContext.close();

  // Its owner archives it from the deal page: it leaves the pipeline and waits under Archived.
  await page.getByRole("button", { name: "Archive deal" }).click();
  await expect(page.getByRole("heading", { name: "This deal is archived" })).toBeVisible();
  await expect(page.getByTestId("activity-entry").first()).toContainText("archived the deal");
  await page.goto("/deals");
  await expect(page.getByTestId("pipeline-row").first()).toBeVisible();
  await expect(page.getByTestId("pipeline-row").filter({ hasText: "Unreadable Date Co" })).toHaveCount(0);
  await page.getByRole("link", { name: "Archived" }).click();
  await expect(page.getByRole("heading", { name: "Archived deals" })).toBeVisible();
  await expect(page.getByTestId("pipeline-row").filter({ hasText: "Unreadable Date Co" })).toHaveCount(1);

  // An admin deletes it after typing the account name; a wrong name deletes nothing.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@mutual.test");
  await admin.goto(`/deals/${FORCED_DEAL_ID}`);
  await admin.getByText("Delete this deal").click();
  await admin.getByLabel(/Type the account name/).fill("Some other name");
  await admin.getByRole("button", { name: "Delete deal for good" }).click();
  await expect(admin.getByRole("listitem").filter({ hasText: "Type the account name, Unreadable Date Co, to confirm" })).toBeVisible();
  await admin.getByLabel(/Type the account name/).fill("Unreadable Date Co");
  await admin.getByRole("button", { name: "Delete deal for good" }).click();
  await expect(admin).toHaveURL(/\/deals$/);
  expect((await admin.request.get(`/deals/${FORCED_DEAL_ID}`)).status()).toBe(404);
  await adminContext.close();
});
