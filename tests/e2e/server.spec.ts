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

test("a write from another site named only by Origin or only by Referer gets the plain 403, on sign-in and on sign-out", async ({ request, baseURL }) => {
  const own = new URL(baseURL!).origin;
  const clues: Array<Record<string, string>> = [{ Origin: "https://evil.example" }, { Referer: "https://evil.example/page" }];
  for (const headers of clues) {
    for (const [path, form] of [
      ["/login", { email: "someone@example.test" }],
      ["/logout", {}],
    ] as const) {
      const response = await request.post(path, { form, headers, maxRedirects: 0 });
      expect(response.status(), `${path} with ${Object.keys(headers)[0]}`).toBe(403);
      expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
      expect(await response.text()).toBe("Forms can only be sent from this site.");
    }
  }
  // The same posts from this site's own pages go through.
  for (const headers of [{ Origin: own }, { Referer: `${own}/login` }] as Array<Record<string, string>>) {
    expect((await request.post("/login", { form: { email: "someone@example.test" }, headers, maxRedirects: 0 })).status()).toBe(302);
    const signOut = await request.post("/logout", { headers, maxRedirects: 0 });
    expect(signOut.status()).toBe(302);
    expect(signOut.headers()["location"]).toBe("/login");
  }
});

test("built assets are kept for a year, files that keep their names for an hour, and a page is not a file", async ({ request }) => {
  const login = await (await request.get("/login")).text();
  const script = login.match(/\/assets\/[^"]+\.js/)?.[0];
  expect(script).toBeTruthy();
  const asset = await request.get(script!);
  expect(asset.status()).toBe(200);
  expect(asset.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  for (const file of ["/favicon.svg", "/drop-link-secret.js"]) {
    const response = await request.get(file);
    expect(response.status(), file).toBe(200);
    expect(response.headers()["cache-control"], file).toBe("public, max-age=3600");
  }
  expect((await request.get("/assets/no-such-file.js")).status()).toBe(404);
});
