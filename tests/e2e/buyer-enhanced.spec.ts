import { expect, test } from "@playwright/test";
import { addBuyerContact, createDeal, inviteBuyer, signIn } from "./helpers";

// The buyer page is not hydrated; app/scripts/buyer-page.js posts its forms in place.
test("with JavaScript, the buyer page saves in place, keeps bad input, and shows a conflict it can resolve", async ({ page, browser }) => {
  await signIn(page, "rep@mutual.test");
  await createDeal(page, "Initech");
  await addBuyerContact(page, "Bill Buyer", "bill@initech.example");
  const { link } = await inviteBuyer(page, "Bill Buyer", "bill@initech.example");

  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const buyer = await context.newPage();
  await buyer.goto(link);
  await buyer.getByRole("button", { name: "Continue" }).click();
  await expect(buyer.getByRole("heading", { name: "Initech: mutual action plan" })).toBeVisible();
  const scripts = await buyer.evaluate(() => [...document.scripts].map((s) => s.src));
  expect(scripts).toEqual([expect.stringMatching(/\/assets\/buyer-page-[\w-]+\.js$/)]);

  // A comment far down the page: saved in place, the page stays where it was.
  const card = (title: string) => buyer.getByTestId("milestone").filter({ hasText: title });
  await card("Countersignature").getByLabel("Comment on Countersignature").fill("Our CEO signs");
  const scrolledTo = await buyer.evaluate(() => window.scrollY);
  expect(scrolledTo).toBeGreaterThan(500);
  await card("Countersignature").getByRole("button", { name: "Send" }).click();
  await expect(card("Countersignature").getByTestId("comment")).toContainText("Our CEO signs");
  await expect(card("Countersignature").getByLabel("Comment on Countersignature")).toHaveValue("");
  expect(Math.abs((await buyer.evaluate(() => window.scrollY)) - scrolledTo)).toBeLessThan(50);
  expect(new URL(buyer.url()).search).toBe("");

  // Refused input: the error shows and what was typed stays.
  await buyer.getByText("Invite a colleague").click();
  await buyer.getByLabel("Name", { exact: true }).fill("Peter Colleague");
  await buyer.getByLabel("Work email").fill("peter@elsewhere.example");
  await buyer.getByRole("button", { name: "Send invitation" }).click();
  await expect(buyer.locator("#invite-email-error")).toBeVisible();
  await expect(buyer.getByLabel("Name", { exact: true })).toHaveValue("Peter Colleague");
  await expect(buyer.getByLabel("Work email")).toHaveValue("peter@elsewhere.example");

  // The buyer starts a new date; the rep saves another date first; the buyer's save is a conflict.
  const step = card("Security review submitted");
  await step.getByText("Change date or owner").click();
  // Only this step's forms are sent, in place, with the focus on the first field.
  await expect(step.getByLabel("New date")).toBeFocused();
  await expect(buyer).toHaveURL(/[?&]change=/);
  await expect(buyer.getByLabel("New date")).toHaveCount(1);
  await step.getByLabel("New date").fill("2027-01-20");
  const rep = page.getByTestId("milestone").filter({ hasText: "Security review submitted" });
  await rep.getByText("Edit").click();
  await rep.getByLabel("Target date").fill("2027-01-11");
  await rep.getByRole("button", { name: "Save milestone" }).click();
  await expect(rep.getByText(/^11 Jan 2027 /)).toBeVisible();

  await step.getByRole("button", { name: "Save date" }).click();
  await expect(step.getByRole("alert")).toContainText("Someone else saved this first");
  await expect(step.getByTestId("milestone-date")).toHaveText("Mon, 11 Jan 2027");
  await expect(step.getByRole("alert")).toContainText("Target date: 20 Jan 2027 (yours) / 11 Jan 2027 (saved)");
  await step.getByRole("button", { name: "Keep mine instead" }).click();
  await expect(step.getByTestId("milestone-date")).toHaveText("Wed, 20 Jan 2027");
  // Kept: the step's forms close, and the address no longer asks for them.
  await expect(step.getByLabel("New date")).toHaveCount(0);
  await expect(buyer).not.toHaveURL(/change=/);
  await context.close();
});
