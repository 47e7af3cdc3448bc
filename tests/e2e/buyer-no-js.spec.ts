import { expect, test, type Page } from "@playwright/test";
import { addBuyerContact, createDeal, inviteBuyer, openDetails, signIn } from "./helpers";

/** The rep grows the template's 8 steps to 15 and lets buyer colleagues from globex.example join. */
async function preparePlan(page: Page) {
  await signIn(page, "rep2@mutual.test");
  await createDeal(page, "Hooli", "2026-11-09");
  await page.getByText("Edit plan title, summary and allowed domains").click();
  await page.getByLabel("Allowed buyer email domains").fill("hooli.example");
  await page.getByRole("button", { name: "Save plan" }).click();
  for (let n = 1; n <= 7; n++) {
    await openDetails(page, "Add a milestone");
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add milestone" }) });
    await form.getByLabel("Title").fill(`Pilot checkpoint ${n}`);
    await form.getByLabel("Target date").fill(`2026-12-${String(n + 10).padStart(2, "0")}`);
    await form.getByRole("button", { name: "Add milestone" }).click();
    await expect(page.getByTestId("milestone")).toHaveCount(8 + n);
  }
  await addBuyerContact(page, "Gavin Buyer", "gavin@hooli.example");
  await addBuyerContact(page, "Jian Colleague", "jian@hooli.example", "Technical evaluator");
  const legal = page.getByTestId("milestone").filter({ hasText: "Legal redlines exchanged" });
  await legal.getByText("Edit").click();
  await legal.getByLabel("Status").selectOption({ label: "Done" });
  await legal.getByRole("button", { name: "Save milestone" }).click();
  await expect(legal.getByText("Done, awaiting buyer confirmation")).toBeVisible();
  return inviteBuyer(page, "Gavin Buyer", "gavin@hooli.example");
}

test("with JavaScript disabled, a buyer can do everything on a 15-step plan", async ({ page, browser }) => {
  // A long walk: every buyer action on a 15-step plan, each a full page load.
  test.slow();
  const { link } = await preparePlan(page);

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const buyer = await context.newPage();
  await buyer.goto(link);
  await buyer.getByRole("button", { name: "Continue" }).click();
  await expect(buyer.getByRole("heading", { name: "Hooli: mutual action plan" })).toBeVisible();
  await expect(buyer.getByTestId("milestone")).toHaveCount(15);
  const card = (title: string) => buyer.getByTestId("milestone").filter({ hasText: title });

  // Re-date, with a reason. <details> opens without JavaScript.
  await card("Pilot checkpoint 3").getByText("Change date or owner").click();
  await card("Pilot checkpoint 3").getByLabel("New date").fill("2026-12-18");
  await card("Pilot checkpoint 3").getByLabel("Reason (optional)").fill("Holiday freeze");
  await card("Pilot checkpoint 3").getByRole("button", { name: "Save date" }).click();
  await expect(card("Pilot checkpoint 3").getByTestId("milestone-date")).toHaveText("Fri, 18 Dec 2026");

  // Assign an owner among the people on the plan.
  await card("Procurement portal entry").getByText("Change date or owner").click();
  await card("Procurement portal entry").getByLabel("Owner").selectOption({ label: "Jian Colleague" });
  await card("Procurement portal entry").getByRole("button", { name: "Save owner" }).click();
  await expect(card("Procurement portal entry")).toContainText("Buyer: Jian Colleague");

  await card("Technical evaluation complete").getByRole("button", { name: "Mark done" }).click();
  await expect(
    card("Technical evaluation complete")
      .locator("span")
      .filter({ hasText: /^Done$/ }),
  ).toBeVisible();

  await card("Legal redlines exchanged").getByRole("button", { name: "Confirm it is done" }).click();
  await expect(
    card("Legal redlines exchanged")
      .locator("span")
      .filter({ hasText: /^Done$/ }),
  ).toBeVisible();

  await card("Countersignature").getByLabel("Comment on Countersignature").fill("Signatory is our CEO");
  await card("Countersignature").getByRole("button", { name: "Send" }).click();
  await expect(card("Countersignature").getByTestId("comment")).toContainText("Signatory is our CEO");

  await buyer.getByText("Add a step").click();
  await buyer.getByLabel("Title", { exact: true }).fill("Board approval");
  await buyer.getByLabel("Target date").fill("2027-01-20");
  await buyer.getByRole("button", { name: "Add step" }).click();
  await expect(buyer.getByTestId("milestone")).toHaveCount(16);
  await expect(card("Board approval")).toContainText("Buyer: Gavin Buyer");

  await buyer.getByText("Invite a colleague").click();
  await buyer.getByLabel("Name", { exact: true }).fill("Outsider");
  await buyer.getByLabel("Work email").fill("out@gmail.example");
  await buyer.getByRole("button", { name: "Send invitation" }).click();
  await expect(buyer.getByText("Only addresses at hooli.example can be invited")).toBeVisible();
  await buyer.getByLabel("Name", { exact: true }).fill("Dinesh Procurement");
  await buyer.getByLabel("Work email").fill("dinesh@hooli.example");
  await buyer.getByLabel("Role in the decision").selectOption({ label: "Procurement" });
  await buyer.getByRole("button", { name: "Send invitation" }).click();
  await expect(buyer.getByText("Invitation sent.")).toBeVisible();
  await expect(buyer.getByRole("region", { name: "People on the plan" })).toContainText("Dinesh Procurement");

  await buyer.getByRole("link", { name: "By stage" }).click();
  await expect(buyer.getByRole("heading", { name: "Before stage 4: Solution validation" })).toBeVisible();

  await buyer.getByRole("button", { name: "We agree to this plan" }).click();
  await expect(buyer.getByTestId("accepted")).toContainText("Accepted by Gavin Buyer");

  const history = buyer.getByTestId("activity-list");
  await expect(history).toContainText("Gavin Buyer (buyer) accepted the plan");
  await expect(history).toContainText("Gavin Buyer (buyer) added “Board approval”");
  await context.close();
});

test("with JavaScript disabled, a saved comment is there once after a reload, and Back and Forward show pages", async ({ page, browser }) => {
  await signIn(page, "rep@mutual.test");
  await createDeal(page, "Umbrella");
  await addBuyerContact(page, "Ada Buyer", "ada@umbrella.example");
  const { link } = await inviteBuyer(page, "Ada Buyer", "ada@umbrella.example");

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const buyer = await context.newPage();
  await buyer.goto(link);
  await buyer.getByRole("button", { name: "Continue" }).click();
  const heading = buyer.getByRole("heading", { name: "Umbrella: mutual action plan" });
  await expect(heading).toBeVisible();
  const card = buyer.getByTestId("milestone").filter({ hasText: "Countersignature" });
  await card.getByText("Change date or owner").click();
  await expect(card.getByLabel("New date")).toBeVisible();

  await card.getByLabel("Comment on Countersignature").fill("Signed by our CEO, once");
  await card.getByRole("button", { name: "Send" }).click();
  // Answered 303 to the page at the step: the note says so once, the step's forms are closed.
  await expect(buyer).toHaveURL(/\/p\/[^/?#]+#step-/);
  await expect(card.getByTestId("saved")).toHaveText("Saved.");
  await expect(card.getByTestId("comment")).toHaveCount(1);
  await expect(card.getByLabel("New date")).toHaveCount(0);

  await buyer.reload();
  await expect(card.getByTestId("comment")).toHaveCount(1);
  await expect(card.getByTestId("saved")).toHaveCount(0);

  await buyer.goBack();
  await expect(heading).toBeVisible();
  await expect(buyer).toHaveURL(/[?&]change=/);
  await buyer.goForward();
  await expect(heading).toBeVisible();
  await expect(card.getByTestId("comment")).toHaveCount(1);
  await context.close();
});
