import { expect, test, type Page } from "@playwright/test";
import { addBuyerContact, createDeal, inviteBuyer, signIn } from "./helpers";

/** A check-in email's answer link for the step with this title, read from the buyer's plan page. */
async function answerLink(buyer: Page, title: string, answer: "done" | "date" | "blocked") {
  const planId = new URL(buyer.url()).pathname.split("/")[2];
  const stepId = await buyer.getByTestId("milestone").filter({ hasText: title }).getAttribute("data-milestone-id");
  return `/p/${planId}/check-in?step=${stepId}&answer=${answer}`;
}

test("a buyer answers a check-in: each link opens one button, and pressing it updates the plan", async ({ page, browser }) => {
  test.slow();
  await signIn(page, "rep2@mutual.test");
  await createDeal(page, "Soylent", "2026-11-16");
  await addBuyerContact(page, "Sol Buyer", "sol@soylent.example");
  const { link } = await inviteBuyer(page, "Sol Buyer", "sol@soylent.example");

  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const buyer = await context.newPage();
  await buyer.goto(link);
  await buyer.getByRole("button", { name: "Continue" }).click();
  await expect(buyer.getByRole("heading", { name: "Soylent: mutual action plan" })).toBeVisible();
  const card = (title: string) => buyer.getByTestId("milestone").filter({ hasText: title });

  // A new date: the page shows the step, a date field and one button; opening it changed nothing.
  const dateLink = await answerLink(buyer, "Business case shared with finance", "date");
  await buyer.goto(dateLink);
  const checkIn = buyer.getByTestId("check-in");
  await expect(checkIn.getByRole("heading", { name: "Business case shared with finance" })).toBeVisible();
  await expect(checkIn.getByRole("button")).toHaveCount(1);
  await checkIn.getByLabel("New date").fill("2026-12-04");
  await checkIn.getByLabel("Reason (optional)").fill("CFO travelling");
  await checkIn.getByRole("button", { name: "Save the new date" }).click();
  await expect(buyer).toHaveURL(/\/p\/[^/?]+(#step-.*)?$/);
  await expect(card("Business case shared with finance").getByTestId("milestone-date")).toHaveText("Fri, 4 Dec 2026");

  // Blocked, with a reason.
  await buyer.goto(await answerLink(buyer, "Security review submitted", "blocked"));
  await checkIn.getByLabel("What is in the way? (optional)").fill("Waiting for our InfoSec team");
  await checkIn.getByRole("button", { name: "Mark it blocked" }).click();
  await expect(card("Security review submitted").getByText("Blocked", { exact: true })).toBeVisible();
  await expect(buyer.getByText("Waiting for our InfoSec team")).toBeVisible();

  // Done.
  const doneLink = await answerLink(buyer, "Technical evaluation complete", "done");
  await buyer.goto(doneLink);
  await checkIn.getByRole("button", { name: "Yes, mark it done" }).click();
  await expect(card("Technical evaluation complete").getByText("Done", { exact: true })).toBeVisible();

  // The same link again: the step is done, so there is nothing left to press.
  await buyer.goto(doneLink);
  await expect(checkIn.getByText("This step is done already.")).toBeVisible();
  await expect(checkIn.getByRole("button")).toHaveCount(0);
  await context.close();
});
