import { expect, test } from "@playwright/test";
import { addBuyerContact, createDeal, inviteBuyer, signIn } from "./helpers";

test("an open buyer page picks up the rep's change without losing what the buyer is typing", async ({ page, browser }) => {
  await signIn(page, "rep@mutual.test");
  await createDeal(page, "Pied Piper");
  await addBuyerContact(page, "Richard Buyer", "richard@piedpiper.example");
  const { link } = await inviteBuyer(page, "Richard Buyer", "richard@piedpiper.example");

  const context = await browser.newContext();
  const buyer = await context.newPage();
  await buyer.goto(link);
  await buyer.getByRole("button", { name: "Continue" }).click();
  const card = buyer.getByTestId("milestone").filter({ hasText: "Countersignature" });
  await card.getByLabel("Comment on Countersignature").fill("Half-typed thought");

  const step = page.getByTestId("milestone").filter({ hasText: "Countersignature" });
  await step.getByText("Edit").click();
  await step.getByLabel("Title").fill("Countersignature by the CEO");
  await step.getByRole("button", { name: "Save milestone" }).click();
  await expect(step.getByTestId("milestone-title")).toHaveText("Countersignature by the CEO");

  await expect(buyer.getByTestId("milestone").filter({ hasText: "Countersignature by the CEO" })).toBeVisible({ timeout: 20_000 });
  await expect(buyer.getByLabel("Comment on Countersignature by the CEO")).toHaveValue("Half-typed thought");
  await context.close();
});
