import { expect, test } from "@playwright/test";

// What app/production-server.js adds to the app: checked against the server `npm start` runs.
test("the server refuses a form posted from another site, and takes one from this site", async ({ request }) => {
  const email = "nobody@example.test";
  const foreign = await request.post("/login?index", { form: { email }, headers: { "Sec-Fetch-Site": "cross-site" }, maxRedirects: 0 });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toBe("Forms can only be sent from this site.");
  const own = await request.post("/login?index", { form: { email }, headers: { "Sec-Fetch-Site": "same-origin" }, maxRedirects: 0 });
  expect(own.status()).toBe(302);
});

test("the server refuses a write whose only clue is a foreign Origin, as browsers without Fetch Metadata send", async ({ request, baseURL }) => {
  const form = { email: "nobody@example.test" };
  const foreign = await request.post("/login?index", { form, headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
  expect(foreign.status()).toBe(403);
  const signOut = await request.post("/logout", { headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
  expect(signOut.status()).toBe(403);
  const own = await request.post("/login?index", { form, headers: { Origin: new URL(baseURL!).origin }, maxRedirects: 0 });
  expect(own.status()).toBe(302);
});
