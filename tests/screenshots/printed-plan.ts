// The printed plan for docs/screenshots: the buyer's print view printed to PDF by Chromium, and the
// PDF's first pages drawn back into pictures by pdf.js (tests/support/pdf-pictures.ts). Before it,
// the demo organization gets an accent colour and a logo, as an admin would give it, so the
// picture shows the seller's branding.
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext } from "@playwright/test";
import { pdfPageCount, pdfPagePictures } from "../support/pdf-pictures";

const ACCENT = "#0f766e";

/** A small wordmark, drawn by Chromium: the demo has no logo of its own. */
async function wordmark(browser: Browser, name: string): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 360, height: 80 }, deviceScaleFactor: 1 });
  await page.setContent(
    `<body style="margin:0"><div id="logo" style="display:inline-flex;align-items:center;gap:10px;padding:8px 12px;font:700 30px system-ui,sans-serif;color:${ACCENT}">` +
      `<svg width="40" height="40" viewBox="0 0 40 40"><polygon points="20,2 38,38 2,38" fill="${ACCENT}"/></svg>${name}</div></body>`,
  );
  const png = await page.locator("#logo").screenshot({ omitBackground: true });
  await page.close();
  return png;
}

export async function brandOrganization(browser: Browser, adminEmail: string) {
  const { prisma } = await import("~/utils/db.server");
  const { toSellerActor } = await import("~/models/actor.server");
  const { updateAccentColour, saveLogo } = await import("~/models/organization-settings.server");
  const user = await prisma.user.findUniqueOrThrow({ where: { email: adminEmail }, include: { organization: true } });
  const admin = toSellerActor(user);
  const versionNow = async () => (await prisma.organization.findUniqueOrThrow({ where: { id: admin.organizationId } })).version;
  await updateAccentColour(admin, ACCENT, await versionNow());
  await saveLogo(admin, await wordmark(browser, user.organization.name.split(" ")[0]), await versionNow());
}

/** Prints the page at `url` to PDF as the browser's "Save as PDF" would, and keeps its first two pages as pictures. */
export async function shootPrintedPlan(browser: Browser, context: BrowserContext, url: string, out: string) {
  const page = await context.newPage();
  const answer = await page.goto(url, { waitUntil: "networkidle" });
  if (!answer?.ok()) throw new Error(`${url} answered ${answer?.status()}`);
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  await page.close();
  const pictures = await pdfPagePictures(browser, pdf, 2);
  pictures.forEach((png, index) => {
    const file = index === 0 ? "printed-plan.png" : `printed-plan-page-${index + 1}.png`;
    writeFileSync(path.join(out, file), png);
    console.log(`docs/screenshots/${file}  ${new URL(url).pathname} printed to PDF (${pdfPageCount(pdf)} pages), page ${index + 1}`);
  });
}
