import { describe, expect, it } from "vitest";
import { crossSiteWriteReason, dropOpaqueOrigin } from "./same-origin.js";

const APP = "https://mutual.example.com";
const check = (method: string, headers: Record<string, string>) => crossSiteWriteReason(method, (name) => headers[name], APP);

describe("cross-site writes", () => {
  it("let reads through whatever their headers", () => {
    expect(check("GET", { "sec-fetch-site": "cross-site", origin: "https://evil.example" })).toBeNull();
    expect(check("HEAD", { origin: "null" })).toBeNull();
  });

  it("refuse a post a browser marks as from another site, or a sibling subdomain", () => {
    expect(check("POST", { "sec-fetch-site": "cross-site" })).toMatch(/cross-site/);
    expect(check("POST", { "sec-fetch-site": "same-site" })).toMatch(/same-site/);
  });

  it("refuse a post whose only clue is a foreign or opaque Origin", () => {
    expect(check("POST", { origin: "https://evil.example" })).toMatch(/evil/);
    expect(check("PUT", { origin: "null" })).toMatch(/null/);
    expect(check("DELETE", { origin: "http://mutual.example.com" })).toMatch(/http:/);
  });

  it("fall back on the Referer when a browser sends neither header", () => {
    expect(check("POST", { referer: "https://evil.example/page" })).toMatch(/evil/);
    expect(check("POST", { referer: "not a url" })).toMatch(/unreadable/);
    expect(check("POST", { referer: `${APP}/deals/abc` })).toBeNull();
  });

  it("take a post the browser marks as same-origin, though a no-referrer page sends it with an opaque Origin", () => {
    expect(check("POST", { "sec-fetch-site": "same-origin", origin: "null" })).toBeNull();
  });

  it("take our own posts and posts from clients that are not browsers", () => {
    expect(check("POST", { "sec-fetch-site": "same-origin", origin: APP })).toBeNull();
    expect(check("POST", { origin: APP })).toBeNull();
    expect(check("POST", {})).toBeNull();
  });
});

describe("an opaque Origin on a same-origin post", () => {
  it("is dropped before the app sees it, and only when the browser said same-origin", () => {
    const sameOrigin: Record<string, string> = { origin: "null", "sec-fetch-site": "same-origin" };
    dropOpaqueOrigin(sameOrigin);
    expect(sameOrigin.origin).toBeUndefined();
    for (const site of ["cross-site", "none"]) {
      const other: Record<string, string> = { origin: "null", "sec-fetch-site": site };
      dropOpaqueOrigin(other);
      expect(other.origin).toBe("null");
    }
    const named: Record<string, string> = { origin: APP, "sec-fetch-site": "same-origin" };
    dropOpaqueOrigin(named);
    expect(named.origin).toBe(APP);
  });
});
