import { describe, expect, it } from "vitest";
import { accentStylesheet, accentStylesheetHref } from "./brand-accent";
import { loader } from "~/routes/brand.accent[.]css";

describe("the accent stylesheet", () => {
  it("is addressed by the colour, and colours the marked border and button", () => {
    expect(accentStylesheetHref("#1D4ED8")).toBe("/brand/accent.css?c=1d4ed8");
    const css = accentStylesheet("1d4ed8")!;
    expect(css).toContain(".brand-accent-border { border-top-color: #1d4ed8; }");
    expect(css).toContain(".brand-accent-bg, .brand-accent-bg:hover { background-color: #1d4ed8; }");
  });

  it.each([null, "", "1d4ed", "1D4ED8", "1d4ed8;}body{display:none", "zzzzzz"])("is nothing for %j", (hex) => {
    expect(accentStylesheet(hex)).toBeNull();
  });

  it("is served as CSS for good, and 404 for anything else", async () => {
    const ok = await loader({ request: new Request("http://x/brand/accent.css?c=0f766e"), params: {}, context: {} });
    expect(ok.headers.get("Content-Type")).toBe("text/css; charset=utf-8");
    expect(ok.headers.get("Cache-Control")).toContain("immutable");
    expect(await ok.text()).toContain("#0f766e");
    const bad = await loader({ request: new Request("http://x/brand/accent.css?c=red"), params: {}, context: {} });
    expect(bad.status).toBe(404);
  });
});
