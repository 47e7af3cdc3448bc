import { expect, test, type Page } from "@playwright/test";
import { readCsv } from "../fixtures/csv";
import { signIn } from "./helpers";

/** The server's background refresh fills the signal cache shortly after start; a visit never does. */
async function openDashboardOnceFigured(page: Page) {
  await expect(async () => {
    await page.goto("/dashboard");
    await expect(page.getByTestId("kpi-cards")).not.toContainText("of 0 open deals", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

test("a manager reads the dashboard and drills down from team to rep to deal, keeping the window", async ({ page }) => {
  test.slow(); // it may wait for the background refresh after the server starts
  await signIn(page, "manager@mutual.test");
  await page.getByRole("link", { name: "Dashboard" }).click();
  await openDashboardOnceFigured(page);
  await expect(page.getByTestId("kpi-cards")).toContainText("MAP completion");
  await expect(page.getByRole("img", { name: /MAP completion by week/ })).toBeVisible();

  await page.getByRole("link", { name: "This quarter" }).click();
  await expect(page).toHaveURL(/window=quarter/);

  const table = page.getByTestId("kpi-table");
  await table.getByRole("link", { name: "Sam Seller" }).first().click();
  await expect(page).toHaveURL(/window=quarter.*rep=|rep=.*window=quarter/);
  await expect(page.getByRole("heading", { name: "Sam Seller", exact: true })).toBeVisible();
  const deals = page.getByTestId("rep-deals");
  await expect(deals).toContainText("Tyrell Systems");
  await expect(deals).not.toContainText("Initech");

  // The over-called card counts exactly the rows marked over-called in the list, and in the CSV.
  const overCalledCard = await page
    .getByTestId("kpi-cards")
    .getByText(/over-called deals? closing in the window/)
    .textContent();
  const overCalled = Number(/(\d+) over-called/.exec(overCalledCard ?? "")![1]);
  await expect(deals.getByText("Over-called", { exact: true })).toHaveCount(overCalled);

  const csv = await page.request.get((await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")) ?? "");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.split("\n")[0]).toMatch(/^Deal ID,Account,Deal,Owner,Amount,Currency,.*,Deal page$/);
  expect(text.split("\n")[0], "people-facing headers, no field names").not.toMatch(/[a-z][A-Z]/);
  const rows = readCsv(text);
  expect(rows.map((r) => r.Account)).toContain("Tyrell Systems");
  expect(rows.find((r) => r.Account === "Tyrell Systems")?.["Deal page"], "a deal is named by its page's address").toMatch(
    /^http:\/\/[^/]+\/deals\/[a-z0-9]+$/,
  );
  expect(rows.reduce((sum, r) => sum + Number(r["Over-called in window"]), 0)).toBe(overCalled);

  await deals.getByRole("link", { name: /Tyrell Systems/ }).click();
  await expect(page.getByRole("heading", { name: "Tyrell Systems", exact: true })).toBeVisible();
});

test("no axis label of the dashboard's charts is clipped", async ({ page }) => {
  await signIn(page, "admin@mutual.test");
  await openDashboardOnceFigured(page);
  const charts = page.locator("figure svg[role=img]");
  await expect(charts).toHaveCount(3);
  const labels = await charts.evaluateAll((svgs) =>
    svgs.flatMap((svg) =>
      [...svg.querySelectorAll("text[data-axis-label]")].map((text) => {
        const box = (text as SVGTextElement).getBBox();
        return { text: text.textContent, left: box.x, right: box.x + box.width, width: (svg as SVGSVGElement).viewBox.baseVal.width };
      }),
    ),
  );
  expect(labels.length).toBe(9);
  expect(labels.map((l) => l.text)).toContainEqual(expect.stringMatching(/^\$\d+(\.\d)?[KM]$/));
  for (const label of labels) {
    expect(label.left, `${label.text} starts inside the chart`).toBeGreaterThanOrEqual(0);
    expect(label.right, `${label.text} ends inside the chart`).toBeLessThanOrEqual(label.width);
  }
});

test("a rep is not shown the dashboard", async ({ page }) => {
  await signIn(page, "rep2@mutual.test");
  await expect(page.getByRole("link", { name: "Dashboard" })).toHaveCount(0);
  const response = await page.goto("/dashboard");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});
