// The audit log page and its CSV: admins only, their own organization's rows only, newest first in
// pages of 50, filtered by person, kind and the organization's calendar dates, in people's words.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as auditPage from "~/routes/_seller.settings.audit";
import * as auditCsv from "~/routes/settings.audit[.]csv";
import { AUDIT_ACTIONS } from "~/models/audit.types";
import { AUDIT_ACTION_LABELS, describeAuditDetail } from "~/components/settings/audit-words";
import { callLoader } from "../fixtures/routes";
import { readCsv } from "../fixtures/csv";
import { cookieFor, createTenant, type Tenant } from "../fixtures/world";

let A: Tenant;
let B: Tenant;
const cookies = { aAdmin: "", aRep: "", aManager: "", bAdmin: "" };
type Page = {
  rows: Array<{ id: string; at: string; when: string; person: string; kind: string; about: string; detail: string }>;
  next: string | null;
  csv: string | null;
};

/** A row at a chosen moment, as the app writes them (the page only reads). */
function row(organizationId: string | null, action: string, actorEmail: string, at: string, extra: object = {}) {
  return prisma.auditEvent.create({ data: { organizationId, action, actorEmail, createdAt: new Date(at), ...extra } });
}

beforeAll(async () => {
  A = await createTenant("Alpha"); // Europe/Berlin
  B = await createTenant("Beta");
  cookies.aAdmin = await cookieFor(A.admin.id);
  cookies.aRep = await cookieFor(A.rep.id);
  cookies.aManager = await cookieFor(A.manager.id);
  cookies.bAdmin = await cookieFor(B.admin.id);
  // Signing in through cookieFor wrote sign-in rows at "now"; these are in 2026-11.
  for (let i = 0; i < 60; i++) {
    const at = new Date(Date.UTC(2026, 10, 1, 8) + i * 3_600_000).toISOString();
    await row(A.organization.id, i % 2 ? "seller.signed_in" : "seller.signed_out", i % 3 ? A.rep.email : A.manager.email, at, { detail: '{"via":"link"}' });
  }
  // 23:30 UTC on 29 Nov is 00:30 on 30 Nov in Berlin.
  await row(A.organization.id, "settings.updated", A.admin.email, "2026-11-29T23:30:00Z", {
    detail: JSON.stringify({ fields: "timezone fiscalYearStartMonth" }),
    subjectType: "ORGANIZATION",
    subjectId: A.organization.id,
  });
  await row(A.organization.id, "buyer.signed_in", '=HYPERLINK("http://evil.example")@buyer.example', "2026-11-29T22:30:00Z", {
    subjectType: "PLAN",
    subjectId: A.repDeal.plan.id,
    detail: '{"via":"code"}',
  });
  await row(B.organization.id, "settings.updated", B.admin.email, "2026-11-30T10:00:00Z", { detail: JSON.stringify({ fields: "name" }) });
  await row(null, "code.locked_out", "nobody@nowhere.example", "2026-11-30T10:00:00Z");
});

async function load(cookie: string, search = "") {
  const result = await callLoader(auditPage.loader, { path: `/settings/audit${search}`, cookie });
  return { ...result, page: result.body as Page };
}

async function csv(cookie: string, search = "") {
  const result = await callLoader(auditCsv.loader, { path: `/settings/audit.csv${search}`, cookie });
  return { ...result, text: String(result.body) };
}

describe("the audit log page", () => {
  it("lists the organization's rows newest first, 50 a page, and the next page carries on without overlap", async () => {
    const total = await prisma.auditEvent.count({ where: { organizationId: A.organization.id } });
    const first = await load(cookies.aAdmin);
    expect(first.status).toBe(200);
    expect(first.page.rows).toHaveLength(50);
    const times = first.page.rows.map((r) => r.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(first.page.next).toMatch(/^\?after=/);
    const second = await load(cookies.aAdmin, first.page.next!);
    expect(second.page.rows).toHaveLength(total - 50);
    expect(second.page.next).toBeNull();
    const ids = [...first.page.rows, ...second.page.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(total);
  });

  it("filters by person and kind, and the next page keeps the filters", async () => {
    const { page } = await load(cookies.aAdmin, `?person=${encodeURIComponent(A.rep.email.toUpperCase())}&kind=seller.signed_in`);
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.person === A.rep.email && r.kind === "Seller signed in")).toBe(true);
    expect(page.csv).toBe(`/settings/audit.csv?person=${encodeURIComponent(A.rep.email)}&kind=seller.signed_in`);
    const all = await load(cookies.aAdmin, "?kind=seller.signed_out");
    expect(all.page.rows.every((r) => r.kind === "Seller signed out")).toBe(true);
  });

  it("keeps the filters on every page", async () => {
    const { page } = await load(cookies.aAdmin, "?from=2026-11-01&to=2026-11-29");
    expect(page.rows).toHaveLength(50);
    expect(page.next).toContain("from=2026-11-01");
    expect(page.next).toContain("to=2026-11-29");
    const second = await load(cookies.aAdmin, page.next!);
    expect(second.page.rows.every((r) => r.at >= "2026-11-01" && r.at < "2026-11-30")).toBe(true);
    // 60 rows of 1-3 Nov, and the buyer's sign-in at 23:30 on 29 Nov in Berlin.
    expect(page.rows.length + second.page.rows.length).toBe(61);
  });

  it("reads dates as the organization's calendar days", async () => {
    const { page } = await load(cookies.aAdmin, "?from=2026-11-30&to=2026-11-30&kind=settings.updated");
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({
      at: "2026-11-30 00:30",
      person: A.admin.email,
      kind: "Settings changed",
      detail: "Changed: timezone and fiscal year starts in",
    });
    expect((await load(cookies.aAdmin, "?from=2026-11-29&to=2026-11-29&kind=settings.updated")).page.rows).toHaveLength(0);
  });

  it("names what a row is about and how, in words", async () => {
    const { page } = await load(cookies.aAdmin, "?kind=buyer.signed_in");
    expect(page.rows[0]).toMatchObject({ kind: "Buyer signed in", about: `Plan “${A.repDeal.plan.title}”`, detail: "By code" });
    expect(JSON.stringify(page.rows)).not.toMatch(/signed_in|"via"|PLAN:/);
  });

  it("says so when nothing matches", async () => {
    const answer = await load(cookies.aAdmin, "?person=nobody-here");
    expect(answer.status).toBe(200);
    expect(answer.page.rows).toEqual([]);
  });

  it.each(["?from=2026-02-30", "?kind=seller.teleported", "?from=2026-12-02&to=2026-12-01", "?after=not-a-cursor"])("answers %s with a 400", async (search) => {
    const answer = await load(cookies.aAdmin, search);
    expect(answer.status).toBe(400);
    expect(answer.page.rows).toEqual([]);
  });

  it("refuses reps and managers with 403, the page and the CSV", async () => {
    for (const cookie of [cookies.aRep, cookies.aManager]) {
      expect((await load(cookie)).status).toBe(403);
      expect((await csv(cookie)).status).toBe(403);
    }
  });

  it("never shows another organization's rows, nor rows of no organization, even when asked by address", async () => {
    const mine = await load(cookies.aAdmin, `?person=${encodeURIComponent(B.admin.email)}`);
    expect(mine.page.rows).toEqual([]);
    const everything = await csv(cookies.aAdmin);
    expect(everything.text).not.toContain(B.admin.email);
    expect(everything.text).not.toContain("nobody@nowhere.example");
    const theirs = await load(cookies.bAdmin);
    expect(theirs.page.rows.map((r) => r.person)).not.toContain(A.rep.email);
    expect(theirs.page.rows.some((r) => r.person === B.admin.email && r.kind === "Settings changed")).toBe(true);
  });
});

describe("the audit log's CSV", () => {
  it("holds every filtered row, not only the first page, with formula cells made text", async () => {
    const all = await csv(cookies.aAdmin);
    expect(all.status).toBe(200);
    expect(all.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(all.headers.get("Content-Disposition")).toMatch(/^attachment; filename="mutual-audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = readCsv(all.text);
    expect(rows).toHaveLength(await prisma.auditEvent.count({ where: { organizationId: A.organization.id } }));
    expect(Object.keys(rows[0])).toEqual(["Time (Europe/Berlin)", "Person", "What", "About", "Details", "From address"]);
    const hostile = rows.find((r) => r.What === "Buyer signed in" && r.Person.includes("HYPERLINK"));
    expect(hostile?.Person).toBe(`'=HYPERLINK("http://evil.example")@buyer.example`);
    expect(all.text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it("follows the page's filters", async () => {
    const rows = readCsv((await csv(cookies.aAdmin, "?kind=settings.updated&from=2026-11-30&to=2026-11-30")).text);
    expect(rows).toEqual([
      {
        "Time (Europe/Berlin)": "2026-11-30 00:30",
        Person: A.admin.email,
        What: "Settings changed",
        About: "",
        Details: "Changed: timezone and fiscal year starts in",
        "From address": "",
      },
    ]);
    expect((await csv(cookies.aAdmin, "?from=nonsense")).status).toBe(400);
  });
});

describe("audit words", () => {
  it("labels every action in people's words", () => {
    for (const action of AUDIT_ACTIONS) {
      expect(AUDIT_ACTION_LABELS[action]).toMatch(/^[A-Z][a-z' ]+/);
      expect(AUDIT_ACTION_LABELS[action]).not.toContain(".");
      expect(AUDIT_ACTION_LABELS[action]).not.toContain("_");
    }
    expect(new Set(Object.values(AUDIT_ACTION_LABELS)).size).toBe(AUDIT_ACTIONS.length);
  });

  it("spells out details it does not know, without raw names or values", () => {
    expect(describeAuditDetail({ role: "MANAGER", teamId: "x1" })).toBe("Role: Manager");
    expect(describeAuditDetail({ from: "REP", to: "ADMIN", deals: 4 })).toBe("From: Rep. To: Admin. Deals: 4");
    expect(describeAuditDetail({ logo: "removed", fields: "logo" })).toBe("Logo removed");
    expect(describeAuditDetail({ codes: 3, side: "buyer" })).toBe("3 codes used up. On the buyer side");
  });
});
