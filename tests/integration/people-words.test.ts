// People read words, never the names the code and the database use (docs/product.md): this scans
// every text the seed's full story set produces (each deal's seller page, each buyer's history,
// every email in the outbox and both CSV exports) for stored field names, stored values and ids.
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { describeActivity } from "~/components/activity-text";
import { ACCESS_STATES, BUYING_ROLES, FORECAST_CATEGORIES, MILESTONE_STATUSES, OUTCOMES, OWNER_SIDES, PLAN_STATUSES, ROLES, SIDES } from "~/domain/types";
import { ACTIVITY_ACTIONS } from "~/models/activity.types";
import { PIPELINE_PAGE_SIZE } from "~/domain/pipeline";
import { getBuyerPlan } from "~/models/buyer-plan-read.server";
import { inviteBuyers } from "~/models/buyer-access.server";
import { refreshAllSignalCaches } from "~/models/signals.server";
import * as dealPage from "~/routes/_seller.deals.$dealId/route";
import * as dealsList from "~/routes/_seller.deals._index";
import * as csvRoute from "~/routes/dashboard[.]csv";
import { actorFor, cookieFor } from "../fixtures/world";
import { callLoader } from "../fixtures/routes";
import { readCsv } from "../fixtures/csv";
import { opened } from "../fixtures/buyers";
import { DEAL_ID_HEADER } from "~/components/dashboard/deal-columns";
import { seedDemo, DEMO_ORGANIZATION_NAME } from "../../prisma/seed";

// Every stored field whose name is more than one word (targetDate, ownerParticipantId,
// allowedDomains): one-word names (title, name, stage) are also plain English words.
const FIELD_NAMES = [
  ...new Set(
    Object.entries(Prisma)
      .filter(([key]) => key.endsWith("ScalarFieldEnum"))
      .flatMap(([, fields]) => Object.values(fields as Record<string, string>))
      .filter((name) => /[a-z][A-Z]/.test(name)),
  ),
];
// SQLite has no enums: these lists are the stored values' one definition (app/domain/types.ts).
// Currency codes are what people write too, so they are not among them.
const STORED_VALUES = [
  ...ROLES,
  ...FORECAST_CATEGORIES,
  ...OUTCOMES,
  ...PLAN_STATUSES,
  ...SIDES,
  ...OWNER_SIDES,
  ...MILESTONE_STATUSES,
  ...BUYING_ROLES,
  ...ACCESS_STATES,
];
const forbiddenWords = new RegExp(`\\b(${[...FIELD_NAMES, ...STORED_VALUES].join("|")})\\b|\\b[A-Z]+_[A-Z_]+\\b`, "g");

let ids: Set<string>;

/** Every stored name, value or id found in a text, and stored-form dates unless `dates` is false (a CSV's dates are for spreadsheets). */
function leaksIn(text: string, { dates = true } = {}): string[] {
  const words = [...text.matchAll(forbiddenWords)].map((m) => m[0]);
  const actions = ACTIVITY_ACTIONS.filter((action) => text.includes(action));
  const idsFound = [...text.matchAll(/[a-z0-9]{16,}/g)].map((m) => m[0]).filter((token) => ids.has(token));
  // Calendar dates as stored: people read "25 Jan 2027".
  const storedDates = dates ? [...text.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)].map((m) => `date ${m[0]}`) : [];
  return [...words, ...actions, ...idsFound.map((id) => `id ${id}`), ...storedDates];
}

/** What a person reads on a rendered page: text, and the labels and hints in attributes. */
function readableText(html: string): string {
  const labels = [...html.matchAll(/\s(?:aria-label|title|placeholder|alt)="([^"]*)"/g)].map((m) => m[1]);
  const text = html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
  return [text, ...labels].join(" ").replace(/\s+/g, " ");
}

/** Links are addresses, not words: they may carry ids and tokens. */
function withoutLinks(text: string): string {
  return text.replace(/https?:\/\/\S+/g, " ");
}

async function storedIds(): Promise<Set<string>> {
  const all = new Set<string>();
  for (const model of Object.values(Prisma.ModelName)) {
    const delegate = (prisma as unknown as Record<string, { findMany(args: object): Promise<{ id: string }[]> }>)[model[0].toLowerCase() + model.slice(1)];
    const fields = (Prisma as unknown as Record<string, Record<string, string>>)[`${model}ScalarFieldEnum`];
    if (!delegate || !fields?.id) continue;
    for (const row of await delegate.findMany({ select: { id: true } })) all.add(row.id);
  }
  return all;
}

type PageModule = { loader: unknown; default: ComponentType };

/** A seller page as its route renders it, from its own loader's answer. */
async function renderedText(page: PageModule, path: string, pattern: string, params: Record<string, string>, cookie: string): Promise<string> {
  const answer = await callLoader(page.loader, { path, params, cookie });
  expect(answer.status).toBe(200);
  const routes = [{ id: "page", path: pattern, loader: () => answer.body as object, Component: page.default }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://localhost${path}`));
  if (context instanceof Response) throw new Error(`The page answered ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return readableText(renderToString(createElement(StaticRouterProvider, { router, context, hydrate: false })));
}

function sellerPageText(dealId: string, cookie: string): Promise<string> {
  return renderedText(dealPage, `/deals/${dealId}`, "/deals/:dealId", { dealId }, cookie);
}

/** Leaks on each deal's seller page, by account, for every deal of every organization. */
async function sellerPageLeaks(options: { dates: boolean }) {
  const leaks: Record<string, string[]> = {};
  for (const org of await organizations()) {
    const cookie = await cookieFor(org.users[0].id);
    for (const deal of await prisma.deal.findMany({ where: { organizationId: org.id } })) {
      const found = leaksIn(await sellerPageText(deal.id, cookie), options);
      if (found.length) leaks[deal.accountName] = found;
    }
  }
  return leaks;
}

async function organizations() {
  return prisma.organization.findMany({ include: { users: { where: { role: "ADMIN" }, take: 1 } } });
}

beforeAll(async () => {
  if (!(await prisma.organization.findFirst({ where: { name: DEMO_ORGANIZATION_NAME } }))) await seedDemo();
  // Invitations for every plan's buyers who have none yet, so the outbox holds real emails.
  for (const org of await organizations()) {
    const admin = await actorFor(org.users[0].id);
    const plans = await prisma.plan.findMany({ where: { organizationId: org.id }, include: { participants: true } });
    for (const plan of plans) {
      const buyers = plan.participants.filter((p) => p.side === "BUYER" && p.accessState !== "REVOKED" && !p.invitedAt);
      if (buyers.length)
        await inviteBuyers(
          admin,
          plan.dealId,
          buyers.map((b) => b.id),
          "http://localhost:3000",
        );
    }
  }
  ids = await storedIds();
});

describe("texts people read carry no field names, stored values or ids", () => {
  it("builds its word lists from the generated client", () => {
    expect(FIELD_NAMES).toEqual(expect.arrayContaining(["targetDate", "ownerParticipantId", "allowedDomains"]));
    expect(STORED_VALUES).toEqual(expect.arrayContaining(["NOT_STARTED", "BEST_CASE"]));
    expect(ids.size).toBeGreaterThan(100);
  });

  it("on every deal's seller page", async () => {
    expect(await sellerPageLeaks({ dates: false })).toEqual({});
  });

  it("in every history row a buyer can see", async () => {
    const leaks: string[] = [];
    for (const plan of await prisma.plan.findMany({ include: { participants: true, organization: true } })) {
      const buyer = plan.participants.find((p) => p.side === "BUYER" && p.accessState !== "REVOKED");
      if (!buyer || plan.status === "DRAFT") continue;
      const actor = {
        kind: "BUYER" as const,
        participantId: buyer.id,
        planId: plan.id,
        dealId: plan.dealId,
        organizationId: plan.organizationId,
        email: buyer.email,
        name: buyer.name,
        timezone: plan.organization.timezone,
      };
      const view = await getBuyerPlan(actor);
      const titles = new Map(view.milestones.map((m) => [m.id, m.title]));
      const people = new Map(view.participants.map((p) => [p.id, p.name]));
      for (const entry of view.activity) {
        const sentence = `${entry.actorName} ${describeActivity(entry, titles, people)}`;
        if (leaksIn(sentence).length) leaks.push(sentence);
      }
    }
    expect(leaks).toEqual([]);
  });

  it("in every email in the outbox", async () => {
    const emails = (await prisma.emailOutbox.findMany()).map(opened);
    expect(emails.length).toBeGreaterThan(0);
    const leaks = emails.map((e) => ({ kind: e.kind, found: leaksIn(withoutLinks(`${e.subject} ${e.text}`)) })).filter((e) => e.found.length);
    expect(leaks).toEqual([]);
  });
});

// The health and forecast reasons (app/domain/signals.ts) name dates as people read them, and the
// dashboard CSVs write each stored value by the label its page shows (Open, Shared, At risk, Best case).
/** The deals CSV's Deal ID column holds ids on purpose: spreadsheets and CRMs match rows by it. */
function withoutIdColumn(csv: string): string {
  const rows = readCsv(csv);
  if (rows.length === 0 || !(DEAL_ID_HEADER in rows[0])) return csv;
  return csv
    .split("\n")
    .map((line, i) => (i === 0 ? line : line.split(",").slice(1).join(",")))
    .join("\n");
}

describe("texts people read carry no stored names, values or dates: signal reasons and CSV exports", () => {
  it("on every deal's seller page, dates included", async () => {
    expect(await sellerPageLeaks({ dates: true })).toEqual({});
  });

  it("on every page of the deals list, archived deals included", async () => {
    await refreshAllSignalCaches();
    const leaks: Record<string, string[]> = {};
    let rows = 0;
    for (const org of await organizations()) {
      const cookie = await cookieFor(org.users[0].id);
      const total = await prisma.deal.count({ where: { organizationId: org.id } });
      for (let page = 1; (page - 1) * PIPELINE_PAGE_SIZE < total; page++) {
        for (const archived of ["", "&archived=1"]) {
          const path = `/deals?page=${page}${archived}`;
          const text = await renderedText(dealsList, path, "/deals", {}, cookie);
          rows += text.match(/ Close \d/g)?.length ?? 0;
          const found = leaksIn(text);
          if (found.length) leaks[`${org.name} ${path}`] = found;
        }
      }
    }
    expect(leaks).toEqual({});
    expect(rows, "the lists hold deals to read").toBe(await prisma.deal.count());
  });

  it("in both dashboard CSV exports", async () => {
    // The CSVs list deals from the signal cache, which the background refresh fills.
    await refreshAllSignalCaches();
    let dealRows = 0;
    for (const org of await organizations()) {
      const cookie = await cookieFor(org.users[0].id);
      const reps = await prisma.user.findMany({ where: { organizationId: org.id, role: "REP" } });
      for (const query of ["", ...reps.map((rep) => `?table=deals&rep=${rep.id}`)]) {
        const csv = await callLoader(csvRoute.loader, { path: `/dashboard.csv${query}`, cookie });
        expect(csv.status).toBe(200);
        expect(leaksIn(withoutLinks(withoutIdColumn(String(csv.body))), { dates: false })).toEqual([]);
        if (query) dealRows += readCsv(String(csv.body)).length;
      }
    }
    expect(dealRows, "the deals CSVs hold rows to read").toBeGreaterThan(5);
  });
});
