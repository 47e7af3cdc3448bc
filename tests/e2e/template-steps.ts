// A six-step template as an admin types it into the template editor, shared by the specs that build one.
import type { Page } from "@playwright/test";

export const SIX_STEPS = [
  { title: "Kickoff call", day: 0, side: "Joint" },
  { title: "Mutual plan agreed", day: 1, side: "Buyer", role: "Champion" },
  { title: "Technical validation", day: 7, side: "Buyer", role: "Technical evaluator", stage: "4. Solution validation" },
  { title: "Pricing approval", day: 14, side: "Seller", internal: true },
  { title: "Legal review", day: 30, side: "Buyer", role: "Legal", stage: "5. Commercial & legal" },
  { title: "Signature", day: 45, side: "Buyer", role: "Economic buyer", stage: "6. Close & handoff" },
] as const;

type Step = (typeof SIX_STEPS)[number];

async function fillStep(page: Page, index: number, step: Step) {
  const row = page.getByTestId("template-step").nth(index);
  await row.getByLabel("Title").fill(step.title);
  await row.getByLabel("Day").fill(String(step.day));
  await row.getByLabel("Owner side").selectOption({ label: step.side });
  if ("role" in step) await row.getByLabel("Buying role of the owner").selectOption({ label: step.role });
  if ("stage" in step) await row.getByLabel("Must be done before leaving").selectOption({ label: step.stage });
  if ("internal" in step) await row.getByLabel(/Internal only/).check();
}

/** On a new template's page: adds and fills the six steps, then saves. Each "Add a step" also saves what was typed above it. */
export async function addSixSteps(page: Page) {
  for (const [index, step] of SIX_STEPS.entries()) {
    await page.getByRole("button", { name: "Add a step" }).click();
    await page.getByTestId("template-step").nth(index).waitFor();
    await fillStep(page, index, step);
  }
  await page.getByRole("button", { name: "Save template" }).last().click();
}
