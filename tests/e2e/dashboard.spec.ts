import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a manager reads the dashboard and drills down from team to rep to deal, keeping the window", async ({ page }) => {
  await signIn(page, "manager@mutual.test");
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByTestId("kpi-cards")).toContainText("MAP completion");
  await expect(page.getByRole("img", { name: /MAP completion by week/ })).toBeVisible();

  await page.getByRole("link", { name: "This week" }).click();
  await expect(page).toHaveURL(/window=week/);

  const table = page.getByTestId("kpi-table");
  await table.getByRole("link", { name: "Sam Seller" }).first().click();
  await expect(page).toHaveURL(/window=week.*rep=|rep=.*window=week/);
  await expect(page.getByRole("heading", { name: "Sam Seller", exact: true })).toBeVisible();
  const deals = page.getByTestId("rep-deals");
  await expect(deals).toContainText("Tyrell Systems");
  await expect(deals).not.toContainText("Initech");

  const csv = await page.request.get(await page.getByRole("link", { name: "Export CSV" }).getAttribute("href") ?? "");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Tyrell Systems");

  await deals.getByRole("link", { name: /Tyrell Systems/ }).click();
  await expect(page.getByRole("heading", { name: "Tyrell Systems", exact: true })).toBeVisible();
});

test("a rep is not shown the dashboard", async ({ page }) => {
  await signIn(page, "rep2@mutual.test");
  await expect(page.getByRole("link", { name: "Dashboard" })).toHaveCount(0);
  const response = await page.goto("/dashboard");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});
