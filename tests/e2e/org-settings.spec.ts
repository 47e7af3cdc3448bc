import { deflateSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { addBuyerContact, createDeal, inviteBuyer, signIn } from "./helpers";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG of one colour, so the browser decodes it and reports its size. */
function solidPng(width: number, height: number, [r, g, b]: [number, number, number]) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", pixels),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

test("the admin brands the organization, and a buyer's plan page shows the logo and the accent colour", async ({ page, browser }) => {
  test.slow(); // two people sign in through emailed links, and the admin makes a deal and a plan on the way
  await signIn(page, "admin@mutual.test");
  await page.goto("/settings/organization");
  await expect(page.getByRole("heading", { name: "Organization", exact: true })).toBeVisible();

  // A colour white text cannot be read on is refused, with its ratio.
  const colour = page.getByLabel("Accent colour");
  await colour.fill("#facc15");
  await page.getByRole("button", { name: "Save colour" }).click();
  await expect(page.getByText("White text on this colour has a contrast of 1.53:1")).toBeVisible();

  await colour.fill("#0f766e");
  await page.getByRole("button", { name: "Save colour" }).click();
  await expect(page.locator("#branding").getByRole("status")).toHaveText("Saved");
  await expect(page.getByLabel("Accent colour")).toHaveValue("#0f766e");

  // A file that only claims to be an image is refused by its bytes.
  const logoInput = page.getByLabel("Upload a logo");
  await logoInput.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>") });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByText("The logo must be a PNG, JPEG or WebP image")).toBeVisible();

  await page.getByLabel("Upload a logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: solidPng(120, 40, [15, 118, 110]) });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.locator("#branding").getByRole("status")).toHaveText("Logo saved");
  await expect(page.getByTestId("logo-preview")).toBeVisible();

  // A buyer invited to a plan sees both.
  await createDeal(page, "Brandwell");
  await addBuyerContact(page, "Bo Buyer", "bo@brandwell.example");
  const { link } = await inviteBuyer(page, "Bo Buyer", "bo@brandwell.example");
  const buyerContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const buyer = await buyerContext.newPage();
  await buyer.goto(link);
  await buyer.getByRole("button", { name: "Continue" }).click();
  await expect(buyer.getByRole("heading", { name: "Brandwell: mutual action plan" })).toBeVisible();

  const logo = buyer.getByTestId("seller-logo");
  await expect(logo).toBeVisible();
  // Loaded under the page's Content-Security-Policy and decoded as the image uploaded.
  await expect.poll(() => logo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(120);
  await expect(buyer.getByTestId("accept-plan")).toHaveCSS("background-color", "rgb(15, 118, 110)");
  await expect(buyer.getByTestId("plan-header")).toHaveCSS("border-top-color", "rgb(15, 118, 110)");
  await buyerContext.close();

  // Back to the product's own look, for the specs that run after this one.
  await page.goto("/settings/organization");
  await page.getByRole("button", { name: "Remove the logo" }).click();
  await expect(page.locator("#branding").getByRole("status")).toHaveText("Logo removed");
  await page.getByRole("button", { name: "Use the default colour" }).click();
  await expect(page.locator("#branding").getByRole("status")).toHaveText("Back to the default colour");
});
