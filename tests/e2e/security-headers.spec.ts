// The security headers on every kind of response the production build sends (app/utils/security-headers.js),
// and the pages working under their Content-Security-Policy: Chromium reports no violation.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIResponse, type Browser, type BrowserContextOptions, type ConsoleMessage, type Page, type Response } from "@playwright/test";
import { migrateDatabase } from "../../prisma/migrate";
import { ROOT, TMP } from "../setup/paths";
import { DEMO_MANAGER, addBuyerContact, createDeal, inviteBuyer, resetRateLimits, signIn } from "./helpers";

const EVERY_RESPONSE = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

/** The policy's directives by name. */
function directivesOf(policy: string): Record<string, string> {
  return Object.fromEntries(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources.join(" ")]),
  );
}

/** Every header once, with the values production sends; returns the CSP's directives. */
async function expectSecurityHeaders(response: APIResponse | Response, kind: string) {
  const headers = await response.headersArray();
  const once = (name: string) => {
    const values = headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
    expect(values, `${kind}: ${name}`).toHaveLength(1);
    return values[0];
  };
  for (const [name, value] of Object.entries(EVERY_RESPONSE)) expect(once(name), `${kind}: ${name}`).toBe(value);
  // The test servers speak plain http: no HSTS there (its production case is in the last test).
  expect(
    headers.some((h) => h.name.toLowerCase() === "strict-transport-security"),
    `${kind}: HSTS on http`,
  ).toBe(false);
  const csp = directivesOf(once("content-security-policy"));
  expect(csp, kind).toMatchObject({
    "default-src": "'self'",
    "img-src": "'self' data:",
    "form-action": "'self'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "object-src": "'none'",
  });
  expect(csp["script-src"], kind).toMatch(/^'self'( 'nonce-[A-Za-z0-9+/=]{20,}')?$/);
  expect(csp["style-src"], kind).toBe("'self'");
  return csp;
}

test("every kind of response carries the security headers", async ({ page, request }) => {
  await signIn(page, DEMO_MANAGER);
  const seller = page.request;
  const get = (path: string, client = seller) => client.get(path, { maxRedirects: 0 });

  // A React document: its inline scripts carry this response's nonce, and only this response's.
  const deals = await get("/deals");
  expect(deals.status()).toBe(200);
  const nonce = /'nonce-([^']+)'/.exec((await expectSecurityHeaders(deals, "document"))["script-src"])?.[1];
  const html = await deals.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(1);
  for (const script of scripts) expect(script).toContain(` nonce="${nonce}"`);
  const again = (await (await get("/deals")).headers())["content-security-policy"];
  expect(again).toContain("'nonce-");
  expect(again).not.toContain(nonce);

  const kinds: Array<[string, () => Promise<APIResponse>, number]> = [
    ["sign-in page", () => get("/login", request), 200],
    ["redirect", () => get("/logout"), 302],
    ["redirect to sign in", () => get("/deals", request), 302],
    ["404 page", () => get("/no-such-page"), 404],
    ["403 from the server", () => request.post("/logout", { headers: { Origin: "https://evil.example" }, maxRedirects: 0 }), 403],
    ["400 page", () => seller.post("/login", { headers: { "Content-Type": "multipart/form-data; boundary=x" }, data: "not a form", maxRedirects: 0 }), 400],
    ["CSV", () => get("/dashboard.csv"), 200],
    ["health check", () => get("/healthz", request), 200],
    ["route data", () => get("/deals.data"), 200],
    ["static file", () => get("/favicon.svg", request), 200],
    ["built script", () => get(/<link rel="modulepreload" href="([^"]+\.js)"/.exec(html)![1], request), 200],
  ];
  for (const [kind, send, status] of kinds) {
    const response = await send();
    expect(response.status(), kind).toBe(status);
    await expectSecurityHeaders(response, kind);
  }

  // A 429 page: one address asks for more codes than it may.
  const email = "flood@example.test";
  let limited: APIResponse | undefined;
  for (let i = 0; i < 10 && limited?.status() !== 429; i++) limited = await request.post("/login", { form: { email }, maxRedirects: 0 });
  expect(limited?.status()).toBe(429);
  await expectSecurityHeaders(limited!, "429 page");
  await resetRateLimits();
});

/** Collects what Chromium reports: CSP violations arrive as console errors, also with JavaScript off. */
function watchConsole(page: Page) {
  const problems: string[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() === "error") problems.push(`${page.url()}: ${message.text()}`);
  };
  page.on("console", onConsole);
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  return problems;
}

/** A plan shared with a buyer; returns the buyer's emailed link. */
async function sharePlan(page: Page) {
  await createDeal(page, "Umbrella Corp");
  await addBuyerContact(page, "Alice Buyer", "alice@umbrella.example");
  return (await inviteBuyer(page, "Alice Buyer", "alice@umbrella.example")).link;
}

/** The buyer's plan page, read with its headers checked; the same buyer's session in a new browser context. */
async function openAsBuyer(
  browser: Browser,
  plan: { link: string } | { url: string; storageState: BrowserContextOptions["storageState"] },
  javaScriptEnabled: boolean,
) {
  const context = await browser.newContext({ javaScriptEnabled, storageState: "storageState" in plan ? plan.storageState : undefined });
  const buyer = await context.newPage();
  const problems = watchConsole(buyer);
  if ("link" in plan) {
    await buyer.goto(plan.link);
    await buyer.getByRole("button", { name: "Continue" }).click();
    await buyer.waitForURL(/\/p\/[^/]+$/);
  }
  const response = await buyer.goto("url" in plan ? plan.url : buyer.url());
  await expect(buyer.getByRole("heading", { name: "Umbrella Corp: mutual action plan" })).toBeVisible();
  await expectSecurityHeaders(response!, "buyer page");
  return { buyer, problems, url: buyer.url(), storageState: await context.storageState() };
}

test("the main pages run under the policy with no violation, and an injected inline script is refused", async ({ page, browser }) => {
  // Seller pages, a plan shared and the buyer page twice: a long walk.
  test.slow();
  const problems = watchConsole(page);
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await signIn(page, DEMO_MANAGER);
  // Hydrated, which needs every nonced script to have run.
  await page.waitForFunction(() => "__remixRouter" in window);
  await page.goto("/dashboard");
  await expect(page.locator("figure svg[role=img]").first()).toBeVisible();
  const link = await sharePlan(page);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Umbrella Corp", exact: true })).toBeVisible();
  await page.goto("/deals");
  await expect(page.getByRole("link", { name: /Umbrella Corp/ }).first()).toBeVisible();

  const enhanced = await openAsBuyer(browser, { link }, true);
  // The page's script runs: a comment is saved in place, without a page load.
  const card = enhanced.buyer.getByTestId("milestone").first();
  await card.getByRole("textbox").first().fill("Looks right");
  await card.getByRole("button", { name: "Send" }).click();
  await expect(card.getByTestId("comment")).toContainText("Looks right");
  const plain = await openAsBuyer(browser, enhanced, false);
  await expect(plain.buyer.getByTestId("milestone").first()).toBeVisible();

  expect([...problems, ...enhanced.problems, ...plain.problems]).toEqual([]);

  // The watch works, and the policy holds: a script slipped into the page without the nonce is refused.
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.body.append(script);
  });
  await expect.poll(() => problems.join("\n")).toContain("Content Security Policy");
  expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined();
});

test("in production behind https, every response tells the browser to keep to https", async ({ request }) => {
  const port = Number(process.env.E2E_PORT || 3100) + 30;
  const database = path.join(TMP, "security-headers.db");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${database}${suffix}`, { force: true });
  await migrateDatabase(`file:${database}`);
  const server = spawn(process.execPath, [path.join(ROOT, "app", "production-server.js"), path.join(ROOT, "build", "server", "index.js")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: `file:${database}`,
      APP_URL: "https://mutual.example.test",
      SESSION_SECRET: "a-session-secret-for-this-test-only",
      RESEND_API_KEY: "re_test_key",
      RESEND_BASE_URL: "http://127.0.0.1:9",
    },
    stdio: "ignore",
  });
  try {
    const at = (p: string) => `http://localhost:${port}${p}`;
    await expect.poll(async () => (await request.get(at("/healthz")).catch(() => null))?.status(), { timeout: 30_000 }).toBe(200);
    for (const p of ["/healthz", "/login", "/deals", "/favicon.svg", "/no-such-page"]) {
      const headers = await (await request.get(at(p), { maxRedirects: 0 })).headersArray();
      const hsts = headers.filter((h) => h.name.toLowerCase() === "strict-transport-security").map((h) => h.value);
      expect(hsts, p).toEqual(["max-age=31536000; includeSubDomains"]);
    }
  } finally {
    server.kill("SIGTERM");
  }
});
