// npm run screenshots: retakes the pictures in docs/screenshots from the production build (run
// `npm run build` first) on a fresh copy of the demo, in Debian's Chromium. Sessions come from the
// session functions, as in the load run; everything else is the pages as people see them.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { chromiumExecutable } from "../setup/chromium";
import { ROOT, SERVER_BUILD, startProductionServer, stopProductionServer } from "../support/production-server";
import { brandOrganization, shootPrintedPlan } from "./printed-plan";

const PORT = Number(process.env.SCREENSHOTS_PORT ?? 3795);
const BASE = `http://localhost:${PORT}`;
const OUT = path.join(ROOT, "docs", "screenshots");
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

if (!existsSync(SERVER_BUILD)) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}
const TMP = path.join(ROOT, "tests", ".tmp");
mkdirSync(TMP, { recursive: true });
process.env.DATABASE_URL = `file:${path.join(TMP, `screenshots-${Date.now()}.db`)}`;
process.env.SESSION_SECRET ??= "screenshots-session-secret-not-for-use";
process.env.APP_URL = BASE;
process.env.RESEND_API_KEY ??= "re_screenshots_unused";

const { migrateDatabase } = await import("../../prisma/migrate");
await migrateDatabase();
const { seedDemo } = await import("../../prisma/seed");
await seedDemo();
const { prisma } = await import("~/utils/db.server");
const { startSession } = await import("~/utils/session.server");

const cookieOf = (setCookie: string) => {
  const [pair] = setCookie.split(";");
  const at = pair.indexOf("=");
  return { name: pair.slice(0, at), value: pair.slice(at + 1), url: BASE };
};

async function sellerContext(browser: Browser, email: string, viewport = DESKTOP): Promise<BrowserContext> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  const cookie = await startSession({ kind: "SELLER", organizationId: user.organizationId, userId: user.id, signIn: { email, via: "link" } });
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await context.addCookies([cookieOf(cookie)]);
  return context;
}

const PHONE_DEVICE = { viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function buyerContext(browser: Browser, planId: string, device: object = PHONE_DEVICE): Promise<BrowserContext> {
  const buyer = await prisma.participant.findFirstOrThrow({ where: { planId, side: "BUYER", accessState: "ACTIVE" } });
  const cookie = await startSession({
    kind: "BUYER",
    organizationId: buyer.organizationId,
    buyerEmail: buyer.email,
    signIn: { email: buyer.email, via: "link" },
  });
  const context = await browser.newContext(device);
  await context.addCookies([cookieOf(cookie)]);
  return context;
}

async function shoot(context: BrowserContext, pathname: string, file: string, fullPage = false) {
  const page = await context.newPage();
  const answer = await page.goto(`${BASE}${pathname}`, { waitUntil: "networkidle" });
  if (!answer?.ok()) throw new Error(`${pathname} answered ${answer?.status()}`);
  await page.screenshot({ path: path.join(OUT, file), fullPage });
  console.log(`docs/screenshots/${file}  ${pathname}`);
  await page.close();
}

/** One panel of a page, scrolled to and taken alone. */
async function shootPanel(context: BrowserContext, pathname: string, testId: string, file: string) {
  const page = await context.newPage();
  const answer = await page.goto(`${BASE}${pathname}`, { waitUntil: "networkidle" });
  if (!answer?.ok()) throw new Error(`${pathname} answered ${answer?.status()}`);
  await page.getByTestId(testId).screenshot({ path: path.join(OUT, file) });
  console.log(`docs/screenshots/${file}  ${pathname} (${testId})`);
  await page.close();
}

/** The administration pages, each taken whole. */
const SETTINGS_PAGES: [string, string][] = [
  ["/settings/organization", "settings-organization.png"],
  ["/settings/people", "people.png"],
  ["/settings/teams", "teams.png"],
  ["/settings/templates", "templates.png"],
  ["/settings/audit", "settings-audit.png"],
  ["/settings/api", "settings-api.png"],
  ["/settings/webhooks", "settings-webhooks.png"],
];

/** Emails people would rather see than read about, each rendered from its template's sample data. */
const EMAILS: [string, string][] = [
  ["plan-access", "email-invitation.png"],
  ["step-overdue", "email-overdue.png"],
  ["awaiting-confirmation", "email-awaiting-confirmation.png"],
  ["weekly-digest", "email-weekly-digest.png"],
];

async function shootEmails(browser: Browser) {
  const { renderPreviews } = await import("~/utils/email-previews.server");
  const modules = Object.fromEntries(await Promise.all(EMAILS.map(async ([name]) => [`${name}.tsx`, await import(`../../emails/${name}.tsx`)])));
  const previews = await renderPreviews(modules);
  const context = await browser.newContext({ viewport: { width: 640, height: 800 }, deviceScaleFactor: 1 });
  for (const [name, file] of EMAILS) {
    const preview = previews.find((p) => p.name === name);
    if (!preview) throw new Error(`emails/${name}.tsx has no sample data to render`);
    const page = await context.newPage();
    await page.setContent(preview.html, { waitUntil: "load" });
    await page.screenshot({ path: path.join(OUT, file), fullPage: true });
    console.log(`docs/screenshots/${file}  emails/${name}.tsx`);
    await page.close();
  }
  await context.close();
}

const server = await startProductionServer(PORT);
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ["--no-sandbox", "--disable-gpu"] });
try {
  // The demo deal with the most to show: a shared plan with buyers on it.
  const plan = await prisma.plan.findFirstOrThrow({
    where: {
      status: { not: "DRAFT" },
      deal: { outcome: "OPEN" },
      organization: { name: "Northwind Software" },
      participants: { some: { side: "BUYER", accessState: "ACTIVE" } },
    },
    orderBy: { createdAt: "asc" },
    include: { milestones: { orderBy: { position: "asc" }, take: 3 } },
  });
  const admin = await sellerContext(browser, "admin@mutual.test");
  await shoot(admin, `/deals/${plan.dealId}`, "deal.png");
  await shoot(admin, "/dashboard", "dashboard.png");
  await shoot(admin, "/dashboard/accuracy", "forecast-accuracy.png", true);
  await shoot(await sellerContext(browser, "manager@mutual.test", PHONE), "/dashboard/accuracy", "forecast-accuracy-phone.png", true);
  const highRisk = await prisma.deal.findFirstOrThrow({ where: { accountName: "Brightwater Foods Ltd" }, select: { id: true, ownerId: true } });
  await shootPanel(admin, `/deals/${highRisk.id}`, "stakeholder-map", "stakeholder-map.png");
  await shoot(await sellerContext(browser, "manager@mutual.test"), `/review?rep=${highRisk.ownerId}`, "weekly-review.png");
  await shoot(admin, "/dashboard/scorecard", "scorecard.png", true);
  const { createApiToken } = await import("~/models/api-token.server");
  const adminUser = await prisma.user.findUniqueOrThrow({ where: { email: "admin@mutual.test" }, include: { organization: true } });
  await createApiToken((await import("~/models/actor.server")).toSellerActor(adminUser), { name: "CRM sync", scope: "READ_WRITE" });
  for (const [pathname, file] of SETTINGS_PAGES) await shoot(admin, pathname, file, true);
  await shoot(admin, "/api/v1/docs", "api-reference.png");
  await shoot(await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true }), "/api/v1/docs#updateStep", "api-reference-phone.png");
  const template = await prisma.template.findFirstOrThrow({ where: { organizationId: plan.organizationId, isDefault: true } });
  await shoot(admin, `/settings/templates/${template.id}`, "template-editor.png", true);
  const crm = await prisma.webhookEndpoint.findFirstOrThrow({ where: { organizationId: plan.organizationId, kind: "STANDARD" } });
  await shoot(admin, `/settings/webhooks/${crm.id}`, "settings-webhook-log.png", true);
  await shoot(await sellerContext(browser, "admin@mutual.test", PHONE), `/settings/webhooks/${crm.id}`, "settings-webhook-log-phone.png", true);

  const buyer = await buyerContext(browser, plan.id);
  await shoot(buyer, `/p/${plan.id}`, "buyer-phone.png");
  const step = plan.milestones.find((m) => m.status !== "DONE") ?? plan.milestones[0];
  await shoot(buyer, `/p/${plan.id}?change=${step.id}#milestone-${step.id}`, "buyer-phone-change.png");
  await shootEmails(browser);
  // Last: the demo is branded for it, and the pictures above keep the product's own look.
  await brandOrganization(browser, "admin@mutual.test");
  await shootPrintedPlan(browser, await buyerContext(browser, plan.id, { viewport: DESKTOP }), `${BASE}/p/${plan.id}/print`, OUT);
} finally {
  await browser.close();
  await stopProductionServer(server);
  await prisma.$disconnect();
}
