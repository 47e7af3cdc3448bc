// /dev/emails: every template in emails/ renders from its own sample data, in HTML and plain text.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as devEmails from "~/routes/dev.emails";
import { callLoader } from "../fixtures/routes";

const TEMPLATE_FILES = readdirSync(path.resolve(__dirname, "../../emails")).filter((file) => file.endsWith(".tsx") && file !== "layout.tsx");

interface PreviewPage {
  names: string[];
  previews: Array<{ name: string; html: string; text: string }>;
}

describe("/dev/emails", () => {
  it("previews every template in emails/, with an HTML and a plain-text part", async () => {
    const page = await callLoader(devEmails.loader, { path: "/dev/emails" });
    expect(page.status).toBe(200);
    const { names, previews } = page.body as PreviewPage;
    expect(names.sort()).toEqual(TEMPLATE_FILES.map((file) => file.replace(/\.tsx$/, "")).sort());
    for (const preview of previews) {
      expect(preview.html, preview.name).toContain("Mutual");
      expect(preview.text.trim().length, preview.name).toBeGreaterThan(20);
      expect(preview.text, preview.name).not.toContain("<");
    }
  });

  it("shows one template on request, and answers 404 for a name that is none", async () => {
    const one = await callLoader(devEmails.loader, { path: "/dev/emails?only=notice" });
    expect((one.body as PreviewPage).previews.map((p) => p.name)).toEqual(["notice"]);
    const none = await callLoader(devEmails.loader, { path: "/dev/emails?only=nothing-here" });
    expect(none.status).toBe(404);
  });
});
