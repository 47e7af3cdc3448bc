import { expect, test, type Locator } from "@playwright/test";
import { DEMO_REP, addBuyerContact, createDeal, inviteBuyer, signIn } from "./helpers";

/** Opens a step's "Comment or note" panel unless it is open already. */
async function openDiscussion(step: Locator) {
  const details = step.locator("details").filter({ has: step.page().locator("summary", { hasText: "Comment or note" }) });
  if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await details.locator("summary").click();
}

test("a rep's internal notes stay with the team while their comment on a step reaches the buyer", async ({ page, browser }) => {
  test.slow(); // a sign-in, a new deal, four posts and the buyer's way in
  await signIn(page, DEMO_REP);
  await createDeal(page, "Initrode");
  await addBuyerContact(page, "Nia Buyer", "nia@initrode.example");

  const step = page.getByTestId("milestone").filter({ hasText: "Technical evaluation complete" });
  await openDiscussion(step);
  await step.getByLabel("Internal note on Technical evaluation complete", { exact: true }).fill("Their discount ceiling is 12%");
  await step.getByRole("button", { name: "Add internal note" }).click();
  await expect(step.getByTestId("internal-note")).toContainText("Their discount ceiling is 12%");

  await openDiscussion(step);
  await step.getByLabel("Comment on Technical evaluation complete", { exact: true }).fill("We can run the test lab on the 14th");
  await step.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(step.getByTestId("step-comment")).toContainText("We can run the test lab on the 14th");

  const dealNotes = page.locator("#deal-notes");
  await expect(dealNotes.getByText("Only your team sees this", { exact: true })).toBeVisible();
  await dealNotes.getByLabel("Note on the deal").fill("Champion is leaving in March");
  await dealNotes.getByRole("button", { name: "Add internal note" }).click();
  await expect(dealNotes.getByTestId("internal-note")).toContainText("Champion is leaving in March");
  await expect(dealNotes.getByTestId("internal-note")).toContainText("Riley Rep"); // the demo rep, as the note's author

  const { link } = await inviteBuyer(page, "Nia Buyer", "nia@initrode.example");
  const buyerContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const buyer = await buyerContext.newPage();
  await buyer.goto(link);
  await buyer.getByRole("button", { name: "Continue" }).click();
  await expect(buyer.getByRole("heading", { name: "Initrode: mutual action plan" })).toBeVisible();
  const card = buyer.getByTestId("milestone").filter({ hasText: "Technical evaluation complete" });
  await expect(card.getByTestId("comment")).toContainText("(seller): We can run the test lab on the 14th");
  await expect(buyer.locator("body")).not.toContainText("discount ceiling");
  await expect(buyer.locator("body")).not.toContainText("Champion is leaving");
  await expect(buyer.locator("body")).not.toContainText("internal note");
  await buyerContext.close();
});
