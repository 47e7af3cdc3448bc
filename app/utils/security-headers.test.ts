import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { HSTS, contentSecurityPolicy, defaultSecurityHeaders, fillSecurityHeaders } from "./security-headers.js";

describe("the Content-Security-Policy", () => {
  it("lets scripts run only from this site or with this response's nonce", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123" });
    expect(policy).toContain("script-src 'self' 'nonce-abc123';");
    expect(policy).not.toContain("unsafe-inline' 'nonce");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(contentSecurityPolicy()).toContain("script-src 'self';");
  });

  it("keeps this site's pages out of frames, plugins and other sites' forms", () => {
    expect(contentSecurityPolicy().split("; ")).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "img-src 'self' data:",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "object-src 'none'",
      ]),
    );
  });

  it("allows inline styles (elements and attributes) only in development", () => {
    expect(contentSecurityPolicy()).toContain("style-src 'self';");
    expect(contentSecurityPolicy()).not.toContain("style-src-attr");
    expect(contentSecurityPolicy({ development: true })).toContain("style-src 'self' 'unsafe-inline';");
    expect(contentSecurityPolicy({ development: true, nonce: "n" })).toContain("script-src 'self' 'nonce-n';");
  });
});

describe("the headers every response gets", () => {
  it("ask for https only in production behind an https address", () => {
    expect(defaultSecurityHeaders({ nodeEnv: "production", appUrl: "https://mutual.example.com" })["Strict-Transport-Security"]).toBe(HSTS);
    expect(defaultSecurityHeaders({ nodeEnv: "production", appUrl: "http://intranet:3000" })["Strict-Transport-Security"]).toBeUndefined();
    expect(defaultSecurityHeaders({ nodeEnv: "test", appUrl: "https://mutual.example.com" })["Strict-Transport-Security"]).toBeUndefined();
    expect(defaultSecurityHeaders({ nodeEnv: "production" })["Strict-Transport-Security"]).toBeUndefined();
  });

  it("fill in what a response lacks and keep what it set, however it sends its headers", async () => {
    const headers = defaultSecurityHeaders({ nodeEnv: "production", appUrl: "https://mutual.example.com" });
    const answers: Record<string, (res: ServerResponse) => void> = {
      "/plain": (res) => res.end("ok"),
      "/token-page": (res) => {
        res.setHeader("Referrer-Policy", "no-referrer");
        res.end("ok");
      },
      "/own-policy": (res) => {
        res.writeHead(200, { "Content-Security-Policy": "default-src 'none'" });
        res.end();
      },
    };
    const fill = fillSecurityHeaders(headers);
    const server = createServer((req, res) => fill(req, res, () => answers[req.url ?? ""](res)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const plain = await fetch(`${base}/plain`);
      for (const [name, value] of Object.entries(headers)) expect(plain.headers.get(name)).toBe(value);
      const tokenPage = await fetch(`${base}/token-page`);
      expect(tokenPage.headers.get("Referrer-Policy")).toBe("no-referrer");
      expect(tokenPage.headers.get("X-Frame-Options")).toBe("DENY");
      const ownPolicy = await fetch(`${base}/own-policy`);
      expect(ownPolicy.headers.get("Content-Security-Policy")).toBe("default-src 'none'");
      expect(ownPolicy.headers.get("X-Content-Type-Options")).toBe("nosniff");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
