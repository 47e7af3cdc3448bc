// Pages an emailed link opens with a secret in its address: they send no Referer, their forms post
// the secret in the body, and the address drops it once the page has loaded. Refusals for too many
// tries say when to come back (Retry-After), on the pages a browser shows too.
import { expect, test, type APIRequestContext, type APIResponse, type Request } from "@playwright/test";
import { addBuyerContact, createDeal, DEMO_REP, inviteBuyer, readLatestEmail, resetRateLimits, signIn } from "./helpers";

test.afterEach(resetRateLimits);

/** Requests `path(i)` until the answer is no longer `usual`; returns that answer and how many requests it took. */
async function requestUntilRefused(request: APIRequestContext, usual: number, send: (i: number) => Promise<APIResponse>, atMost = 100) {
  for (let i = 1; i <= atMost; i++) {
    const answer = await send(i);
    if (answer.status() !== usual) return { answer, requests: i };
  }
  throw new Error(`Never refused in ${atMost} requests`);
}

function expectRetryAfter(answer: APIResponse) {
  expect(answer.status()).toBe(429);
  expect(Number(answer.headers()["retry-after"])).toBeGreaterThan(0);
}

test("the sign-in link's page sends no Referer, drops the token from the address, and its button posts it in the body", async ({ page }) => {
  await resetRateLimits();
  await page.goto("/login");
  await page.getByLabel("Work email").fill(DEMO_REP);
  await page.getByRole("button", { name: "Email me a sign-in code" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const { link } = await readLatestEmail(page, DEMO_REP);

  const response = await page.goto(link);
  expect(response!.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(page).toHaveURL(/\/auth\/verify$/);
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Sign in" }) });
  await expect(form).toHaveAttribute("action", "/auth/verify");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/deals$/);
  expect(page.url()).not.toContain("token");
});

test("an invitation's token is only ever in the one GET its email link made, with or without JavaScript", async ({ page, browser }) => {
  // A long walk: a deal, an invitation, three browsers' worth of pages, and sixty-odd refused ids.
  test.slow();
  await signIn(page, "rep2@mutual.test");
  await createDeal(page, "Initrode");
  await addBuyerContact(page, "Ines Buyer", "ines@initrode.example");
  const { link } = await inviteBuyer(page, "Ines Buyer", "ines@initrode.example");
  const joinPath = new URL(link).pathname;

  // With JavaScript: the address drops the token as soon as the page has loaded.
  const withJs = await browser.newContext();
  const enhanced = await withJs.newPage();
  const opened = await enhanced.goto(link);
  expect(opened!.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(enhanced).toHaveURL(new RegExp(`${joinPath}$`));
  await expect(enhanced.getByRole("button", { name: "Continue as Ines Buyer" })).toBeVisible();
  await withJs.close();

  // Without JavaScript: two tabs open the link; the forms post to an address with no token.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const requested: Request[] = [];
  plain.on("request", (request) => void requested.push(request));
  const [first, second] = [await plain.newPage(), await plain.newPage()];
  for (const tab of [first, second]) {
    expect((await tab.goto(link))!.headers()["referrer-policy"]).toBe("no-referrer");
    await expect(tab.locator("form").filter({ has: tab.getByRole("button", { name: "Continue as Ines Buyer" }) })).toHaveAttribute("action", joinPath);
  }
  await first.getByRole("button", { name: "Continue as Ines Buyer" }).click();
  // Generous waits from here: each step is a full page load, and the plan page is the heaviest.
  const slow = { timeout: 30_000 };
  await expect(first.getByRole("heading", { name: "Initrode: mutual action plan" })).toBeVisible(slow);

  // The second tab's Continue comes too late: its answer, at an address with no token, offers a fresh link.
  await second.getByRole("button", { name: "Continue as Ines Buyer" }).click();
  await expect(second.getByRole("heading", { name: "This invitation can't be used" })).toBeVisible(slow);
  await expect(second.getByRole("alert")).toContainText("Initrode");
  await expect(second).toHaveURL(new RegExp(`${joinPath}$`));
  await second.getByRole("button", { name: "Send me a new link" }).click();
  await expect(second.getByRole("heading", { name: "Check your email" })).toBeVisible(slow);

  const withToken = requested.filter((request) => request.url().includes("token="));
  expect(withToken.map((request) => request.method())).toEqual(["GET", "GET"]);
  expect(requested.filter((request) => request.method() === "POST").map((request) => new URL(request.url()).pathname)).toEqual([joinPath, joinPath, joinPath]);

  // A buyer walking through plan ids gets 404s, then a 429 page that says when to come back.
  const { answer, requests } = await requestUntilRefused(plain.request, 404, (i) => plain.request.get(`/p/made-up-${i}`));
  expect(requests).toBeGreaterThan(20);
  expectRetryAfter(answer);
  expect(await answer.text()).toContain("Too many attempts");
  await plain.close();
});

test("walking through deal ids earns a 429 page with Retry-After, and so does asking for too many sign-in codes", async ({ page, request }) => {
  test.slow();
  await signIn(page, DEMO_REP);
  const ordinary = await page.request.get("/deals");
  expect(ordinary.headers()["referrer-policy"]).toBe("same-origin");
  const deals = await requestUntilRefused(page.request, 404, (i) => page.request.get(`/deals/made-up-${i}`));
  expect(deals.requests).toBeGreaterThan(20);
  expectRetryAfter(deals.answer);
  expect(deals.answer.headers()["content-type"]).toContain("text/html");
  expect(await deals.answer.text()).toContain("Too many attempts");

  await resetRateLimits();
  const headers = { "Sec-Fetch-Site": "same-origin" };
  const codes = await requestUntilRefused(request, 302, (i) =>
    request.post("/login", { form: { email: `nobody-${i}@example.test` }, headers, maxRedirects: 0 }),
  );
  expectRetryAfter(codes.answer);
  expect(codes.answer.headers()["content-type"]).toContain("text/html");
});
