import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an admin makes an API token, sees it once, a server-to-server client uses it, and revoking it ends that", async ({ page, request }) => {
  test.slow();
  const name = `CRM sync ${Date.now()}`;
  await signIn(page, "admin@mutual.test");
  await page.goto("/settings/api");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("It may").selectOption({ label: "Read and write" });
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-api-token").textContent())!.trim();
  expect(token).toMatch(/^mutual_/);
  const row = page.getByTestId("api-token").filter({ hasText: name });
  await expect(row).toContainText(token.slice(0, 13));
  await expect(row).toContainText("never used");

  // The server's own client: no Origin, no Sec-Fetch-Site, as a CRM would call.
  const auth = { Authorization: `Bearer ${token}` };
  const listed = await request.get("/api/v1/deals?limit=2", { headers: auth });
  expect(listed.status()).toBe(200);
  const { data } = await listed.json();
  const deal = data[0];
  const changed = await request.patch(`/api/v1/deals/${deal.id}`, { headers: auth, data: { name: `${deal.name} (synced)`, version: deal.version } });
  expect(changed.status()).toBe(200);
  // A browser page elsewhere cannot write with it.
  const crossSite = await request.patch(`/api/v1/deals/${deal.id}`, {
    headers: { ...auth, Origin: "https://elsewhere.example", "Sec-Fetch-Site": "cross-site" },
    data: { name: "hijacked", version: deal.version + 1 },
  });
  expect(crossSite.status()).toBe(403);
  // The session cookie of the signed-in admin is no API credential.
  const withCookie = await page.request.get("/api/v1/deals");
  expect(withCookie.status()).toBe(401);

  await page.reload();
  await expect(page.getByTestId("new-api-token")).toHaveCount(0);
  await expect(row).toContainText("last used");
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByTestId("api-token").filter({ hasText: name })).toContainText("Revoked");
  expect((await request.get("/api/v1/deals", { headers: auth })).status()).toBe(401);

  await page.goto("/api/v1/docs");
  await expect(page.getByRole("heading", { name: "Update a step" })).toBeVisible();
});
