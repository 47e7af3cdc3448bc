import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("without JavaScript, on a phone, by keyboard: an admin adds a webhook, sees its secret once, and queues a test event", async ({ page, browser }) => {
  await signIn(page, "admin@mutual.test");
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
    storageState: await page.context().storageState(),
  });
  const plain = await context.newPage();
  await plain.goto("/settings/webhooks");
  await expect(plain.getByTestId("webhook").first()).toBeVisible();

  // A refused form answers 400 and keeps what was typed.
  await plain.getByLabel("Address that receives the events").fill("ftp://crm.example.test/hooks");
  await plain.getByLabel("Description (optional)").fill("Keyboard CRM");
  await plain.getByLabel("A deal's stage changed").focus();
  await plain.keyboard.press("Space");
  const refused = plain.waitForResponse((r) => r.request().method() === "POST");
  await plain.getByRole("button", { name: "Add webhook" }).click();
  expect((await refused).status()).toBe(400);
  await expect(plain.getByText("The address must start with https:// or http://")).toBeVisible();
  await expect(plain.getByLabel("Address that receives the events")).toHaveValue("ftp://crm.example.test/hooks");
  await expect(plain.getByLabel("Description (optional)")).toHaveValue("Keyboard CRM");
  await expect(plain.getByLabel("A deal's stage changed")).not.toBeChecked();
  await expect(plain.getByLabel("A step was completed")).toBeChecked();

  await plain.getByLabel("Address that receives the events").fill("https://crm.example.invalid/hooks");
  await plain.getByRole("button", { name: "Add webhook" }).focus();
  const saved = plain.waitForResponse((r) => r.request().method() === "POST");
  await plain.keyboard.press("Enter");
  expect((await saved).status()).toBe(303);
  await expect(plain.getByRole("heading", { name: "Keyboard CRM" })).toBeVisible();
  await expect(plain.getByRole("textbox", { name: "Secret", exact: true })).toHaveValue(/^whsec_/);
  await expect(plain.getByLabel("A deal's stage changed")).not.toBeChecked();
  await expect(plain.getByLabel("A step was completed")).toBeChecked();

  await plain.getByRole("button", { name: "Send a test event" }).click();
  await expect(plain.getByRole("status")).toHaveText("Test event queued.");
  await expect(plain.getByTestId("delivery").filter({ hasText: "Test event" })).toHaveCount(1);
  // The secret was shown once: the page after the next post no longer has it.
  await expect(plain.getByRole("textbox", { name: "Secret", exact: true })).toHaveCount(0);
  await context.close();
});
