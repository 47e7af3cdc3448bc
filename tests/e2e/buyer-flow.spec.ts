import { expect, test } from "@playwright/test";
import { addBuyerContact, createDeal, inviteBuyer, signIn } from "./helpers";

test("a buyer opens the invitation, co-edits the plan, and the rep sees every change attributed to them", async ({ page, browser }) => {
  await signIn(page, "admin@mutual.test");
  const dealUrl = await createDeal(page, "Globochem");
  await addBuyerContact(page, "Bea Buyer", "bea@globochem.example");

  // The rep marks a buyer-owned step done: it must wait for the buyer's confirmation.
  const security = page.getByTestId("milestone").filter({ hasText: "Security review submitted" });
  await security.getByText("Edit").click();
  await security.getByLabel("Status").selectOption({ label: "Done" });
  await security.getByRole("button", { name: "Save milestone" }).click();
  await expect(security.getByText("Done, awaiting buyer confirmation")).toBeVisible();

  const { link } = await inviteBuyer(page, "Bea Buyer", "bea@globochem.example");
  const planPath = new URL(link).pathname.replace(/\/join$/, "");

  // The buyer, in their own browser. Opening the link signs nobody in until Continue.
  const buyerContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const buyer = await buyerContext.newPage();
  await buyer.goto(link);
  await expect(buyer.getByRole("heading", { name: "Open the plan" })).toBeVisible();
  await expect(buyer.getByRole("button", { name: "Continue" })).toBeVisible();
  expect(await buyerContext.cookies()).toEqual([]);
  await buyer.waitForTimeout(1500); // a scanner running scripts would have submitted by now
  await buyer.goto(planPath);
  await expect(buyer).toHaveURL(/\/join$/);

  await buyer.goto(link);
  await buyer.getByRole("button", { name: "Continue" }).click();
  await expect(buyer.getByRole("heading", { name: "Globochem: mutual action plan" })).toBeVisible();

  const card = (title: string) => buyer.getByTestId("milestone").filter({ hasText: title });

  await card("Technical evaluation complete").getByText("Change date or owner").click();
  await card("Technical evaluation complete").getByLabel("New date").fill("2026-11-20");
  await card("Technical evaluation complete").getByLabel("Reason (optional)").fill("Test lab busy until the 19th");
  await card("Technical evaluation complete").getByRole("button", { name: "Save date" }).click();
  await expect(card("Technical evaluation complete").getByTestId("milestone-date")).toHaveText("Fri, 20 Nov 2026");

  await card("Business case shared with finance").getByRole("button", { name: "Mark done" }).click();
  await expect(card("Business case shared with finance").getByText("Done", { exact: true })).toBeVisible();

  await expect(card("Security review submitted").getByText("Awaiting your confirmation")).toBeVisible();
  await card("Security review submitted").getByRole("button", { name: "Confirm it is done" }).click();
  await expect(card("Security review submitted").getByText("Done", { exact: true })).toBeVisible();

  await card("Executive sponsor meeting").getByLabel("Comment on Executive sponsor meeting").fill("Our CFO can do the 24th");
  await card("Executive sponsor meeting").getByRole("button", { name: "Send" }).click();
  await expect(card("Executive sponsor meeting").getByTestId("comment")).toContainText("Our CFO can do the 24th");

  await buyer.getByRole("button", { name: "We agree to this plan" }).click();
  await expect(buyer.getByTestId("accepted")).toContainText("Accepted by Bea Buyer");
  await buyerContext.close();

  // Back on the rep's side: each change is the buyer's, and the confirmation shows.
  await page.goto(dealUrl);
  const activity = page.getByTestId("activity-list");
  await expect(activity).toContainText("Bea Buyer (buyer) accepted the plan");
  await expect(activity).toContainText("Bea Buyer (buyer) commented on “Executive sponsor meeting”: “Our CFO can do the 24th”");
  await expect(activity).toContainText("Bea Buyer (buyer) confirmed “Security review submitted” is done");
  await expect(activity).toContainText("Bea Buyer (buyer) marked “Business case shared with finance” done");
  await expect(activity).toContainText(
    "Bea Buyer (buyer) moved “Technical evaluation complete” from 16 Nov 2026 to 20 Nov 2026: “Test lab busy until the 19th”",
  );
  await expect(security.locator("span").filter({ hasText: /^Done$/ })).toBeVisible();
  await expect(security.getByText("Done, awaiting buyer confirmation")).toHaveCount(0);
  await expect(page.getByText("accepted by Bea Buyer")).toBeVisible();
});
