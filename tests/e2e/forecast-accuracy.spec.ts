import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a manager reads which forecast was right, quarter by quarter, and drills down to a rep", async ({ page }) => {
  await signIn(page, "manager@mutual.test");
  await page.getByRole("link", { name: "Dashboard" }).click();
  await page.getByRole("navigation", { name: "Manager views" }).getByRole("link", { name: "Forecast accuracy" }).click();
  await expect(page).toHaveURL(/\/dashboard\/accuracy/);
  await expect(page.getByRole("link", { name: "Last 2 quarters" })).toHaveAttribute("aria-current", "true");
  await expect(page.getByTestId("accuracy-headline")).toContainText(
    "Over the last 2 quarters, plan-derived Commit closed 81% of the time (26 of 32 calls); rep-called Commit 57% (23 of 40 calls).",
  );
  await expect(page.getByRole("table", { name: /^Q\d FY\d{4}/ })).toHaveCount(2);

  await page.getByTestId("accuracy-rows").getByRole("link", { name: "Sam Seller" }).click();
  await expect(page.getByRole("heading", { name: "Sam Seller", exact: true })).toBeVisible();
  await expect(page).toHaveURL(/rep=/);

  // This quarter: mostly unsettled, and the page says so; the drill-down is kept.
  await page.getByRole("link", { name: "This quarter" }).click();
  await expect(page).toHaveURL(/window=current.*rep=|rep=.*window=current/);
  await expect(page.getByTestId("unsettled-note")).toBeVisible();
});
