// Calendars (docs/notifications.md, "Calendars"): a plan's private address from its deal page and a
// seller's own from Settings, shown once and stored only as a hash; what each answers, parsed with
// ical.js; re-dating, revoking, deactivating and deleting; another organization's reach; and the
// buyer's one-step download.
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { databaseKind, sqliteFilePath } from "../../prisma/database-url";
import * as feedRoute from "~/routes/calendar.$feed";
import * as stepRoute from "~/routes/p.$planId_.steps.$step";
import * as calendarSettings from "~/routes/_seller.settings.calendar";
import { headers as dealPageHeaders } from "~/routes/_seller.deals.$dealId/route";
import { sqliteFilesHolding } from "../setup/secrets-at-rest";
import { inviteAndSignIn, milestoneForm, post, sellerLoad, sellerPost } from "../fixtures/buyers";
import { callLoader, type RouteResult } from "../fixtures/routes";
import { addDealWithPlan, cookieFor, createTenant, type Tenant } from "../fixtures/world";

let A: Tenant;
let B: Tenant;

beforeAll(async () => {
  A = await createTenant("Calendared");
  B = await createTenant("Foreign");
});

const fetchFeed = (token: string, suffix = ".ics") =>
  callLoader(feedRoute.loader, { path: `/calendar/${token}${suffix}`, params: { feed: `${token}${suffix}` } });

function events(ics: unknown) {
  const calendar = new ICAL.Component(ICAL.parse(String(ics)));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return { uid: event.uid, date: event.startDate.toString(), end: event.endDate.toString(), sequence: event.sequence, summary: event.summary };
  });
}

/** The cookies a 303 sets, as the next request's Cookie header (with the seller's own). */
function cookiesAfter(result: RouteResult, cookie: string) {
  return [cookie, ...result.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
}

/** Makes an address on the deal page and reads it, shown once, from the page the 303 leads to. */
async function makePlanFeed(dealId: string, cookie: string) {
  const made = await sellerPost(dealId, { intent: "create-calendar-feed" }, cookie);
  expect(made.status).toBe(303);
  const shown = await sellerLoad(dealId, cookiesAfter(made, cookie));
  const url = shown.view.calendar.newUrl;
  expect(url).toMatch(/^http:\/\/localhost:3000\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  expect(shown.headers.getSetCookie().some((c) => c.startsWith("mutual_shown_once=;"))).toBe(true);
  // The page holding the address is kept by no cache; the route's headers function passes this on.
  expect(shown.headers.get("Cache-Control")).toBe("private, no-store");
  expect(new Headers(dealPageHeaders({ loaderHeaders: shown.headers } as never)).get("Cache-Control")).toBe("private, no-store");
  return new URL(url!).pathname.replace("/calendar/", "").replace(".ics", "");
}

async function expectNotFound(result: RouteResult) {
  expect({ status: result.status, body: result.body, type: result.headers.get("Content-Type") }).toEqual({
    status: 404,
    body: "Not found",
    type: "text/plain; charset=utf-8",
  });
}

describe("a plan's calendar address", () => {
  it("is shown once, stored only as its hash, and lists the plan's steps on their dates without internal-only ones", async () => {
    const { deal, plan, milestones } = await addDealWithPlan(A.repActor);
    const internal = await prisma.milestone.update({ where: { id: milestones[3].id }, data: { internalOnly: true } });
    const cookie = await cookieFor(A.rep.id);
    const token = await makePlanFeed(deal.id, cookie);

    expect((await sellerLoad(deal.id, cookie)).view.calendar.newUrl).toBeNull();
    expect(JSON.stringify(await prisma.calendarFeed.findMany())).not.toContain(token);
    const url = process.env.DATABASE_URL ?? "";
    if (databaseKind(url) === "sqlite") expect(sqliteFilesHolding(sqliteFilePath(url), [token])).toEqual([]);

    const feed = await fetchFeed(token);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(feed.headers.get("Cache-Control")).toBe("private, max-age=300");
    expect(feed.headers.get("Set-Cookie")).toBeNull();
    const visible = milestones.filter((m) => m.id !== internal.id);
    expect(events(feed.body)).toEqual(
      visible.map((m) =>
        expect.objectContaining({ uid: `${m.id}@localhost:3000`, date: m.targetDate, sequence: m.version, summary: `${m.title} (${plan.title})` }),
      ),
    );
    expect(String(feed.body)).toContain(`/p/${plan.id}`);
  });

  it("follows a re-dated step with a higher sequence, then answers 404 once revoked, as for a made-up token", async () => {
    const { deal, milestones } = await addDealWithPlan(A.repActor);
    const cookie = await cookieFor(A.rep.id);
    const token = await makePlanFeed(deal.id, cookie);
    const step = milestones[0];
    const before = events((await fetchFeed(token)).body).find((e) => e.uid.startsWith(step.id))!;

    expect((await sellerPost(deal.id, await milestoneForm(step.id, { targetDate: "2027-01-29" }), cookie)).status).toBe(303);
    const after = events((await fetchFeed(token)).body).find((e) => e.uid.startsWith(step.id))!;
    expect(after).toMatchObject({ uid: before.uid, date: "2027-01-29", end: "2027-01-30" });
    expect(after.sequence).toBeGreaterThan(before.sequence);

    const [listed] = (await sellerLoad(deal.id, cookie)).view.calendar.feeds;
    expect(listed.lastFetchedAt).not.toBeNull();
    expect((await sellerPost(deal.id, { intent: "revoke-calendar-feed", feedId: listed.id }, cookie)).status).toBe(303);
    expect((await sellerLoad(deal.id, cookie)).view.calendar.feeds).toEqual([]);
    await expectNotFound(await fetchFeed(token));
    await expectNotFound(await fetchFeed("A".repeat(43)));
    await expectNotFound(await fetchFeed("short"));
    await expectNotFound(await fetchFeed(token, ""));
  });

  it("notes when it was last fetched at most once an hour", async () => {
    const { deal } = await addDealWithPlan(A.repActor);
    const token = await makePlanFeed(deal.id, await cookieFor(A.rep.id));
    await fetchFeed(token);
    const [first] = await prisma.calendarFeed.findMany({ where: { planId: (await prisma.plan.findUniqueOrThrow({ where: { dealId: deal.id } })).id } });
    await fetchFeed(token);
    expect((await prisma.calendarFeed.findUniqueOrThrow({ where: { id: first.id } })).lastFetchedAt).toEqual(first.lastFetchedAt);
    await prisma.calendarFeed.update({ where: { id: first.id }, data: { lastFetchedAt: new Date(Date.now() - 61 * 60_000) } });
    await fetchFeed(token);
    expect((await prisma.calendarFeed.findUniqueOrThrow({ where: { id: first.id } })).lastFetchedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("stops when its maker is deactivated, and when the deal is deleted", async () => {
    const { deal } = await addDealWithPlan(A.repActor);
    const byRep = await makePlanFeed(deal.id, await cookieFor(A.rep.id));
    const byAdmin = await makePlanFeed(deal.id, await cookieFor(A.admin.id));
    const manager = await prisma.user.findUniqueOrThrow({ where: { id: A.manager.id } });
    const byManager = await makePlanFeed(deal.id, await cookieFor(manager.id));
    await prisma.user.update({ where: { id: manager.id }, data: { deactivatedAt: new Date() } });
    await expectNotFound(await fetchFeed(byManager));
    expect((await fetchFeed(byRep)).status).toBe(200);

    const adminCookie = await cookieFor(A.admin.id);
    const deleted = await sellerPost(deal.id, { intent: "delete-deal", confirmName: deal.accountName }, adminCookie);
    expect(deleted.status).toBe(303);
    await expectNotFound(await fetchFeed(byRep));
    await expectNotFound(await fetchFeed(byAdmin));
    await prisma.user.update({ where: { id: manager.id }, data: { deactivatedAt: null } });
  });
});

describe("calendar addresses across tenants", () => {
  type Feeds = { aPlan: string; aOtherRepPlan: string; aPerson: string; bPlan: string; aPlanToken: string };
  let feeds: Feeds;
  const feedOfPlan = async (planId: string) => (await prisma.calendarFeed.findFirstOrThrow({ where: { planId }, orderBy: { createdAt: "desc" } })).id;

  beforeAll(async () => {
    const aPlanToken = await makePlanFeed(A.repDeal.deal.id, await cookieFor(A.rep.id));
    await makePlanFeed(A.otherRepDeal.deal.id, await cookieFor(A.otherRep.id));
    await makePlanFeed(B.repDeal.deal.id, await cookieFor(B.rep.id));
    await post(calendarSettings.action, { path: "/settings/calendar", cookie: await cookieFor(A.rep.id), form: { intent: "create-calendar-feed" } });
    feeds = {
      aPlan: await feedOfPlan(A.repDeal.plan.id),
      aOtherRepPlan: await feedOfPlan(A.otherRepDeal.plan.id),
      bPlan: await feedOfPlan(B.repDeal.plan.id),
      aPerson: (await prisma.calendarFeed.findFirstOrThrow({ where: { userId: A.rep.id, scope: "PERSON" } })).id,
      aPlanToken,
    };
  });

  const snapshot = () => prisma.calendarFeed.findMany({ orderBy: { id: "asc" } });
  const who = { aRep: () => cookieFor(A.rep.id), bRep: () => cookieFor(B.rep.id), bAdmin: () => cookieFor(B.admin.id) };

  it.each([
    { shape: "A's rep, B's deal and B's feed", cookie: who.aRep, deal: () => B.repDeal.deal.id, feed: () => feeds.bPlan },
    {
      shape: "A's rep, the other rep's deal and feed (same org, not visible)",
      cookie: who.aRep,
      deal: () => A.otherRepDeal.deal.id,
      feed: () => feeds.aOtherRepPlan,
    },
    { shape: "A's rep, a made-up deal", cookie: who.aRep, deal: () => "made-up-deal", feed: () => feeds.aPlan },
    { shape: "B's rep on A's deal and feed", cookie: who.bRep, deal: () => A.repDeal.deal.id, feed: () => feeds.aPlan },
    { shape: "B's admin on A's deal and feed", cookie: who.bAdmin, deal: () => A.repDeal.deal.id, feed: () => feeds.aPlan },
  ])("$shape: make and revoke → the same 404, nothing changes", async ({ cookie, deal, feed }) => {
    const before = await snapshot();
    const c = await cookie();
    const forms: Array<Record<string, string>> = [{ intent: "create-calendar-feed" }, { intent: "revoke-calendar-feed", feedId: feed() }];
    for (const form of forms) {
      const answer = await sellerPost(deal(), form, c);
      expect({ status: answer.status, body: answer.body }).toEqual({ status: 404, body: "Not found" });
    }
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    { shape: "B's feed", feed: () => feeds.bPlan },
    { shape: "the other rep's plan feed", feed: () => feeds.aOtherRepPlan },
    { shape: "the rep's own person feed (not this plan's)", feed: () => feeds.aPerson },
    { shape: "a made-up feed", feed: () => "made-up-feed" },
  ])("own deal in the URL, $shape in the form → 404, nothing changes", async ({ feed }) => {
    const before = await snapshot();
    const answer = await sellerPost(A.repDeal.deal.id, { intent: "revoke-calendar-feed", feedId: feed() }, await who.aRep());
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 404, body: "Not found" });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    { shape: "A's admin revokes A's rep's own feed", cookie: () => cookieFor(A.admin.id), feed: () => feeds.aPerson },
    { shape: "B's admin revokes A's rep's own feed", cookie: who.bAdmin, feed: () => feeds.aPerson },
    { shape: "A's rep revokes a plan feed from Settings", cookie: who.aRep, feed: () => feeds.aPlan },
  ])("Settings → Calendar: $shape → 404, nothing changes", async ({ cookie, feed }) => {
    const before = await snapshot();
    const answer = await post(calendarSettings.action, {
      path: "/settings/calendar",
      cookie: await cookie(),
      form: { intent: "revoke-calendar-feed", feedId: feed() },
    });
    expect(answer.status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it("lets A's manager, who sees the deal, revoke the rep's plan feed (control)", async () => {
    expect((await fetchFeed(feeds.aPlanToken)).status).toBe(200);
    expect((await sellerPost(A.repDeal.deal.id, { intent: "revoke-calendar-feed", feedId: feeds.aPlan }, await cookieFor(A.manager.id))).status).toBe(303);
    await expectNotFound(await fetchFeed(feeds.aPlanToken));
  });
});

describe("making calendar addresses", () => {
  it("is limited to 20 an hour per person: the 21st is refused with Retry-After and makes nothing", async () => {
    const user = await prisma.user.create({
      data: { organizationId: A.organization.id, role: "REP", name: "Many Feeds", email: `feeds-${Date.now()}@example.test` },
    });
    const cookie = await cookieFor(user.id);
    const make = () => post(calendarSettings.action, { path: "/settings/calendar", cookie, form: { intent: "create-calendar-feed" } });
    for (let i = 0; i < 20; i++) expect((await make()).status).toBe(303);
    const refused = await make();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await prisma.calendarFeed.count({ where: { userId: user.id } })).toBe(20);
  });
});

describe("a seller's own calendar address", () => {
  type SettingsPage = { feeds: Array<{ id: string }>; newUrl: string | null };
  const settings = async (cookie: string) => {
    const result = await callLoader(calendarSettings.loader, { path: "/settings/calendar", cookie });
    return { ...result, body: result.body as SettingsPage };
  };
  const settingsPost = (cookie: string, form: Record<string, string>) => post(calendarSettings.action, { path: "/settings/calendar", cookie, form });

  async function makePersonFeed(cookie: string) {
    const made = await settingsPost(cookie, { intent: "create-calendar-feed" });
    expect(made.status).toBe(303);
    const shown = await settings(cookiesAfter(made, cookie));
    const url = shown.body.newUrl ?? "";
    expect((await settings(cookie)).body).toMatchObject({ newUrl: null });
    return new URL(url).pathname.replace("/calendar/", "").replace(".ics", "");
  }

  it("lists the steps of the open deals they own and the steps they own elsewhere, internal-only ones included", async () => {
    const user = await prisma.user.create({
      data: { organizationId: A.organization.id, role: "REP", name: "Cal Endar", email: `cal-${Date.now()}@example.test` },
    });
    const actor = { ...A.repActor, userId: user.id, name: user.name, email: user.email };
    const mine = await addDealWithPlan(actor);
    await prisma.milestone.update({ where: { id: mine.milestones[0].id }, data: { internalOnly: true } });
    const archived = await addDealWithPlan(actor);
    await prisma.deal.update({ where: { id: archived.deal.id }, data: { archivedAt: new Date() } });
    // On a colleague's deal, one step is theirs.
    const colleagues = await addDealWithPlan(A.repActor);
    const seat = await prisma.participant.create({
      data: {
        organizationId: A.organization.id,
        planId: colleagues.plan.id,
        side: "SELLER",
        userId: user.id,
        email: user.email,
        name: user.name,
        accessState: "ACTIVE",
      },
    });
    await prisma.milestone.update({ where: { id: colleagues.milestones[4].id }, data: { ownerParticipantId: seat.id } });

    const cookie = await cookieFor(user.id);
    const token = await makePersonFeed(cookie);
    const listed = events((await fetchFeed(token)).body).map((e) => e.uid.split("@")[0]);
    expect(listed.sort()).toEqual([...mine.milestones.map((m) => m.id), colleagues.milestones[4].id].sort());

    const [feed] = (await settings(cookie)).body.feeds;
    expect((await settingsPost(await cookieFor(A.admin.id), { intent: "revoke-calendar-feed", feedId: feed.id })).status).toBe(404);
    expect((await settingsPost(await cookieFor(B.admin.id), { intent: "revoke-calendar-feed", feedId: feed.id })).status).toBe(404);
    expect((await fetchFeed(token)).status).toBe(200);
    expect((await settingsPost(cookie, { intent: "revoke-calendar-feed", feedId: feed.id })).status).toBe(303);
    await expectNotFound(await fetchFeed(token));
  });

  it("lists each seller only their own addresses", async () => {
    const cookie = await cookieFor(A.otherRep.id);
    await makePersonFeed(cookie);
    const theirs = (await settings(cookie)).body.feeds;
    expect(theirs).toHaveLength(1);
    expect((await settings(await cookieFor(B.rep.id))).body).toMatchObject({ feeds: [] });
  });

  it("stops when its owner is deactivated", async () => {
    const user = await prisma.user.create({
      data: { organizationId: A.organization.id, role: "REP", name: "Leaving", email: `leaving-${Date.now()}@example.test` },
    });
    const token = await makePersonFeed(await cookieFor(user.id));
    expect((await fetchFeed(token)).status).toBe(200);
    await prisma.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    await expectNotFound(await fetchFeed(token));
  });

  it("is refused without a session", async () => {
    expect((await settings("")).status).toBe(302);
    expect((await settingsPost("", { intent: "create-calendar-feed" })).status).toBe(302);
  });
});

describe("the buyer's one-step download", () => {
  const download = (planId: string, step: string, cookie?: string) =>
    callLoader(stepRoute.loader, { path: `/p/${planId}/steps/${step}`, params: { planId, step }, cookie });

  it("gives a signed-in buyer a step of their plan as an all-day event, and nothing of another plan", async () => {
    const { deal, plan, buyer, milestones } = await addDealWithPlan(A.repActor);
    const { cookie } = await inviteAndSignIn(deal.id, buyer.id);
    const step = milestones[1];
    const file = await download(plan.id, `${step.id}.ics`, cookie);
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(file.headers.get("Content-Disposition")).toMatch(/^attachment; filename="[A-Za-z0-9-]+\.ics"$/);
    expect(events(file.body)).toEqual([expect.objectContaining({ uid: `${step.id}@localhost:3000`, date: step.targetDate })]);

    const internal = await prisma.milestone.update({ where: { id: milestones[2].id }, data: { internalOnly: true } });
    for (const name of [`${internal.id}.ics`, `${A.otherRepDeal.milestones[0].id}.ics`, `${B.repDeal.milestones[0].id}.ics`, "made-up.ics", step.id]) {
      expect((await download(plan.id, name, cookie)).status).toBe(404);
    }
    // Another plan's address with this buyer's session: not theirs.
    expect((await download(A.otherRepDeal.plan.id, `${A.otherRepDeal.milestones[0].id}.ics`, cookie)).status).toBe(404);
    expect((await download(B.repDeal.plan.id, `${B.repDeal.milestones[0].id}.ics`, cookie)).status).toBe(404);
  });

  it("sends a visitor without a session to the plan's way in", async () => {
    const { plan, milestones } = A.repDeal;
    const answer = await download(plan.id, `${milestones[0].id}.ics`);
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`/p/${plan.id}/join`);
  });
});
