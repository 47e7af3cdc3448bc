// Exports in the browser (docs/exports.md): the printed plan under print media has no controls,
// one printed page per section and the seller's branding, and Chromium prints it to a PDF of
// several pages; the buyer downloads the plan as CSV from their page; the pipeline's CSV follows
// the page's filter.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { readCsv } from "../fixtures/csv";
import { pdfPageCount } from "../support/pdf-pictures";
import { addBuyerContact, createDeal, inviteBuyer, signIn } from "./helpers";

const ACCENT = "rgb(15, 118, 110)";

async function download(page: Page, linkName: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

test("a buyer prints the plan and saves it as PDF, and downloads it as CSV; the pipeline's CSV follows its filter", async ({ page, browser }) => {
  test.slow(); // the admin brands the organization and makes a deal, and a buyer signs in through an emailed link
  await signIn(page, "admin@mutual.test");
  await page.goto("/settings/organization");
  await page.getByLabel("Accent colour").fill("#0f766e");
  await page.getByRole("button", { name: "Save colour" }).click();
  await expect(page.locator("#branding").getByRole("status")).toHaveText("Saved");

  await createDeal(page, "Printwell");
  await addBuyerContact(page, "Pia Printer", "pia@printwell.example");
  const { link } = await inviteBuyer(page, "Pia Printer", "pia@printwell.example");
  // The seller's deal page prints its content without navigation, forms or buttons.
  await expect(page.getByRole("link", { name: "Print or save as PDF" })).toHaveAttribute("href", /\/deals\/[^/]+\/print$/);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("nav").first()).toBeHidden();
  await expect(page.getByRole("button").first()).toBeHidden();
  await expect(page.getByRole("heading", { name: "Printwell", exact: true })).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await buyer.goto(link);
  await buyer.getByRole("button", { name: "Continue" }).click();
  await expect(buyer.getByRole("heading", { name: "Printwell: mutual action plan" })).toBeVisible();
  const steps = await buyer.getByTestId("milestone").count();

  // The plan page itself prints without its forms and buttons.
  await buyer.emulateMedia({ media: "print" });
  await expect(buyer.locator("form").first()).toBeHidden();
  await expect(buyer.getByTestId("accept-plan")).toBeHidden();
  await buyer.emulateMedia({ media: "screen" });

  const csv = await download(buyer, "Download as CSV");
  expect(csv.name).toMatch(/^printwell-plan-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(readCsv(csv.text)).toHaveLength(steps);

  await buyer.getByRole("link", { name: "Print or save as PDF" }).click();
  await expect(buyer).toHaveURL(/\/p\/[^/]+\/print$/);
  await expect(buyer.getByRole("heading", { name: "Printwell: mutual action plan" })).toBeVisible();
  await expect(buyer.getByTestId("print-step")).toHaveCount(steps);
  await buyer.emulateMedia({ media: "print" });
  await expect(buyer.locator("form, button, nav, script")).toHaveCount(0);
  await expect(buyer.getByTestId("print-help")).toBeHidden();
  await expect(buyer.getByTestId("print-header")).toHaveCSS("border-top-color", ACCENT);
  await expect(buyer.getByTestId("print-header")).toContainText("Printwell ×");
  const breaks = await buyer.locator("[data-print-section]").evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
  expect(breaks.length).toBeGreaterThan(1);
  expect(breaks).toEqual(["auto", ...breaks.slice(1).map(() => "page")]);

  const pdf = await buyer.pdf({ format: "A4", preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(breaks.length);
  await buyerContext.close();

  // The pipeline, searched: its CSV holds the same deals as the page.
  await page.goto("/deals?q=Printwell");
  await expect(page.getByTestId("pipeline-row")).toHaveCount(1);
  const pipeline = await download(page, "Download as CSV");
  expect(pipeline.name).toMatch(/^mutual-pipeline-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(readCsv(pipeline.text).map((r) => r.Account)).toEqual(["Printwell"]);

  // Back to the product's own look, for the specs that run after this one.
  await page.goto("/settings/organization");
  await page.getByRole("button", { name: "Use the default colour" }).click();
  await expect(page.locator("#branding").getByRole("status")).toHaveText("Back to the default colour");
});
