// Buyer engagement (docs/notifications.md, "Buyer engagement"): what the buyer's plan page records
// (a page view, an opened step, the reader's timezone) and what it never does (a poll writes
// nothing), the deal page's figures, and the pass that forgets old visits.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { addDays, organizationToday } from "~/domain/dates";
import { dealEngagement, engagementJobs, recordPageView } from "~/models/buyer-engagement.server";
import { countPageView, latestCountedView, writeCountedPageViews } from "~/models/page-view-counts.server";
import * as planPage from "~/routes/p.$planId";
import { buyerPost, inviteAndSignIn, sellerLoad } from "../fixtures/buyers";
import { callLoader } from "../fixtures/routes";
import { actorFor, addDealWithPlan, createTenant, type Tenant } from "../fixtures/world";

let tenant: Tenant;
let other: Tenant;

beforeAll(async () => {
  tenant = await createTenant("Engaged", "Pacific/Auckland");
  other = await createTenant("Elsewhere");
});

async function signedInPlan() {
  const fixture = await addDealWithPlan(tenant.repActor);
  const { cookie } = await inviteAndSignIn(fixture.deal.id, fixture.buyer.id);
  return { ...fixture, cookie };
}

function page(planId: string, cookie: string, { query = "", headers = {} }: { query?: string; headers?: Record<string, string> } = {}) {
  return callLoader(planPage.loader, { path: `/p/${planId}${query}`, params: { planId }, cookie, headers });
}

/** Everything a visit could write: the buyer's rows in the three tables, once the counted page views are written. */
async function recorded(participantId: string) {
  await writeCountedPageViews();
  return {
    days: await prisma.buyerVisitDay.findMany({ where: { participantId }, orderBy: { day: "asc" } }),
    steps: await prisma.buyerStepOpen.findMany({ where: { participantId }, orderBy: { milestoneId: "asc" } }),
    participant: await prisma.participant.findUniqueOrThrow({ where: { id: participantId } }),
  };
}

/** The buyer was seen a moment ago: the once-a-minute "last seen" touch is not due. */
async function seenJustNow(participantId: string) {
  await prisma.participant.update({ where: { id: participantId }, data: { lastSeenAt: new Date() } });
}

describe("a page view", () => {
  it("adds one view to the buyer's row for the organization's day, and a visit only after 30 quiet minutes", async () => {
    const { plan, buyer, cookie } = await signedInPlan();
    expect((await page(plan.id, cookie)).status).toBe(200);
    expect((await page(plan.id, cookie)).status).toBe(200);
    const [day] = (await recorded(buyer.id)).days;
    expect(day).toMatchObject({ day: organizationToday(tenant.organization), views: 2, visits: 1, planId: plan.id, organizationId: tenant.organization.id });

    // Half an hour later (possibly the next day in Auckland): the server still holds the last view it counted.
    const reader = { kind: "BUYER", participantId: buyer.id, planId: plan.id, dealId: plan.dealId, organizationId: tenant.organization.id } as const;
    const buyerActor = { ...reader, email: buyer.email, name: buyer.name, timezone: tenant.organization.timezone };
    await recordPageView(buyerActor, { previousViewAt: day.lastViewAt, openedStepId: null }, new Date(Date.now() + 29 * 60_000));
    await recordPageView(buyerActor, { previousViewAt: day.lastViewAt, openedStepId: null }, new Date(Date.now() + 61 * 60_000));
    const days = (await recorded(buyer.id)).days;
    expect(days.reduce((sum, row) => sum + row.views, 0)).toBe(4);
    expect(days.reduce((sum, row) => sum + row.visits, 0)).toBe(2);
  });

  it("is judged against the last view the server counted, even when the request read an older one", async () => {
    const { plan, buyer, cookie } = await signedInPlan();
    await page(plan.id, cookie);
    await writeCountedPageViews();
    // A request that read the buyer's last view before that write stored it sees none.
    const buyerActor = {
      kind: "BUYER",
      participantId: buyer.id,
      planId: plan.id,
      dealId: plan.dealId,
      organizationId: tenant.organization.id,
      email: buyer.email,
      name: buyer.name,
      timezone: tenant.organization.timezone,
    } as const;
    await recordPageView(buyerActor, { previousViewAt: null, openedStepId: null });
    const days = (await recorded(buyer.id)).days;
    expect(days.reduce((sum, row) => sum + row.views, 0)).toBe(2);
    expect(days.reduce((sum, row) => sum + row.visits, 0)).toBe(1);
  });

  it("counts a browser revalidating the page the buyer opens again (a navigation), even when it answers 304", async () => {
    const { plan, buyer, cookie } = await signedInPlan();
    const first = await page(plan.id, cookie);
    const validator = first.headers.get("ETag")!;
    const again = await page(plan.id, cookie, { headers: { "If-None-Match": validator, "Sec-Fetch-Mode": "navigate" } });
    expect(again.status).toBe(304);
    expect((await recorded(buyer.id)).days[0].views).toBe(2);
  });

  it("does not count the page shown right after a saved form: the change itself is in the history", async () => {
    const { plan, buyer, cookie, milestones } = await signedInPlan();
    const step = milestones.find((m) => m.ownerSide === "BUYER")!;
    const saved = await buyerPost(plan.id, cookie, { intent: "comment", milestoneId: step.id, body: "Looks good" });
    expect(saved.status).toBe(303);
    const notice = saved.headers.get("Set-Cookie")!.split(";")[0];
    const before = await recorded(buyer.id);
    expect((await page(plan.id, `${cookie}; ${notice}`)).status).toBe(200);
    expect((await recorded(buyer.id)).days).toEqual(before.days);
  });
});

describe("counted page views", () => {
  it("are written together, one row a buyer and day, and add to what is there rather than overwrite it", async () => {
    const { plan, buyer, cookie } = await signedInPlan();
    for (let i = 0; i < 3; i++) await page(plan.id, cookie);
    let [day] = (await recorded(buyer.id)).days;
    expect(day).toMatchObject({ views: 3, visits: 1 });
    expect(latestCountedView(buyer.id)).toEqual(day.lastViewAt);

    // Another instance wrote a later view of the same day meanwhile: its count adds up and its moment stays.
    const later = new Date(day.lastViewAt.getTime() + 60_000);
    await prisma.buyerVisitDay.update({
      where: { participantId_day: { participantId: buyer.id, day: day.day } },
      data: { views: { increment: 1 }, lastViewAt: later },
    });
    const viewed = { participantId: buyer.id, day: day.day, organizationId: tenant.organization.id, planId: plan.id };
    countPageView(viewed, false, new Date(later.getTime() - 30_000));
    countPageView(viewed, false, new Date(later.getTime() - 20_000));
    [day] = (await recorded(buyer.id)).days;
    expect(day).toMatchObject({ views: 6, visits: 1, lastViewAt: later });
  });

  it("are all written when writes overlap: each waits for the one before it", async () => {
    const fixtures = await Promise.all([signedInPlan(), signedInPlan()]);
    const days = fixtures.map(({ plan, buyer }) => ({ participantId: buyer.id, day: "2026-12-01", organizationId: tenant.organization.id, planId: plan.id }));
    for (let i = 0; i < 50; i++) countPageView(days[i % 2], false, new Date());
    const first = writeCountedPageViews();
    for (let i = 0; i < 50; i++) countPageView(days[(i + 1) % 2], false, new Date());
    const both = [first, writeCountedPageViews(), writeCountedPageViews()];
    await both[2];
    for (const { buyer } of fixtures) {
      expect((await prisma.buyerVisitDay.findMany({ where: { participantId: buyer.id } })).map((row) => row.views)).toEqual([50]);
    }
    await Promise.all(both);
  });

  it("are not written for a deal deleted before the write: its buyers went with it", async () => {
    const { deal, plan, buyer, cookie } = await signedInPlan();
    await page(plan.id, cookie);
    await prisma.deal.delete({ where: { id: deal.id } });
    await writeCountedPageViews();
    expect(await prisma.buyerVisitDay.count({ where: { participantId: buyer.id } })).toBe(0);
  });

  it("are written by themselves within a second or so", async () => {
    const { plan, buyer, cookie } = await signedInPlan();
    await page(plan.id, cookie);
    await expect.poll(() => prisma.buyerVisitDay.count({ where: { participantId: buyer.id } }), { timeout: 5_000 }).toBe(1);
  });
});

describe("the live-update poll", () => {
  it("writes nothing, whether nothing changed (304) or something did (200)", async () => {
    const { plan, buyer, cookie } = await signedInPlan();
    const validator = (await page(plan.id, cookie)).headers.get("ETag")!;
    await seenJustNow(buyer.id);
    const before = await recorded(buyer.id);
    const unchanged = await page(plan.id, cookie, { headers: { "If-None-Match": validator } });
    expect(unchanged.status).toBe(304);
    await prisma.plan.update({ where: { id: plan.id }, data: { version: { increment: 1 } } });
    const changed = await page(plan.id, cookie, { headers: { "If-None-Match": validator } });
    expect(changed.status).toBe(200);
    expect(await recorded(buyer.id)).toEqual(before);
  });
});

describe("opening a step's forms", () => {
  it("counts an open of that step, and no extra view within a visit", async () => {
    const { plan, buyer, cookie, milestones } = await signedInPlan();
    await page(plan.id, cookie);
    const step = milestones[1];
    await page(plan.id, cookie, { query: `?change=${step.id}` });
    await page(plan.id, cookie, { query: `?view=stage&change=${step.id}` });
    const { days, steps } = await recorded(buyer.id);
    expect(steps).toEqual([expect.objectContaining({ milestoneId: step.id, opens: 2, planId: plan.id, organizationId: tenant.organization.id })]);
    expect(days[0]).toMatchObject({ views: 1, visits: 1 });
  });

  it("counts the visit too when the forms are opened straight from a link", async () => {
    const { plan, buyer, cookie, milestones } = await signedInPlan();
    await page(plan.id, cookie, { query: `?change=${milestones[0].id}` });
    const { days, steps } = await recorded(buyer.id);
    expect(steps).toHaveLength(1);
    expect(days[0]).toMatchObject({ views: 1, visits: 1 });
  });

  it("records nothing for an internal-only step, another plan's step or a made-up id", async () => {
    const { plan, buyer, cookie, milestones } = await signedInPlan();
    const internal = await prisma.milestone.update({ where: { id: milestones[2].id }, data: { internalOnly: true } });
    const foreign = [other.repDeal.milestones[0].id, tenant.otherRepDeal.milestones[0].id, "made-up-step"];
    for (const id of [internal.id, ...foreign]) expect((await page(plan.id, cookie, { query: `?change=${id}` })).status).toBe(200);
    expect((await recorded(buyer.id)).steps).toEqual([]);
    expect(await prisma.buyerStepOpen.count({ where: { milestoneId: { in: foreign } } })).toBe(0);
  });
});

describe("the reader's timezone", () => {
  async function withZone(cookieValue: string, stored: string | null = null) {
    const { plan, buyer, cookie } = await signedInPlan();
    await prisma.participant.update({ where: { id: buyer.id }, data: { lastSeenAt: new Date(Date.now() - 5 * 60_000), timezone: stored } });
    await page(plan.id, `${cookie}; mutual_tz=${cookieValue}`);
    return (await prisma.participant.findUniqueOrThrow({ where: { id: buyer.id } })).timezone;
  }

  it("is stored from the page's cookie with the last-seen write", async () => {
    expect(await withZone("Pacific%2FAuckland")).toBe("Pacific/Auckland");
    expect(await withZone("America%2FLos_Angeles", "Pacific/Auckland")).toBe("America/Los_Angeles");
  });

  it.each(["Mars%2FOlympus_Mons", "%E0%A4%A", "not a zone", encodeURIComponent(`Europe/${"x".repeat(80)}`), ""])("ignores %j", async (value) => {
    expect(await withZone(value, "Europe/Berlin")).toBe("Europe/Berlin");
  });

  it("costs no write of its own: within a minute of the last one, it waits for the next", async () => {
    const { plan, buyer, cookie } = await signedInPlan();
    await seenJustNow(buyer.id);
    await page(plan.id, `${cookie}; mutual_tz=Pacific%2FAuckland`);
    expect((await prisma.participant.findUniqueOrThrow({ where: { id: buyer.id } })).timezone).toBeNull();
  });
});

describe("the deal page's figures", () => {
  it("shows each buyer's last seen, visits this week and last action, and the plan's engagement", async () => {
    const { deal, plan, buyer, cookie, milestones } = await signedInPlan();
    await page(plan.id, cookie);
    const step = milestones.find((m) => m.ownerSide === "BUYER")!;
    await buyerPost(plan.id, cookie, { intent: "redate", milestoneId: step.id, version: step.version, targetDate: addDays(step.targetDate, 7), reason: "" });
    await writeCountedPageViews();
    const { status, view } = await sellerLoad(deal.id);
    expect(status).toBe(200);
    const figures = view.engagement!.stakeholders[buyer.id];
    expect(figures.visitsThisWeek).toBe(1);
    expect(figures.lastSeenAt).not.toBeNull();
    expect(figures.lastAction).toMatchObject({ action: "milestone.redated", entityId: step.id });
    expect(view.engagement!.label).toMatch(/^Engagement: (rising|flat)$/);
    // Opening the plan is a buyer change too (participant.joined), so two changes and one visit.
    expect(view.engagement!.figures).toBe("1 visit and 2 changes in the last 14 days, against 0 and 0 before");
  });

  it("compares the last 14 of the organization's days with the 14 before", async () => {
    const { deal, plan, buyer } = await addDealWithPlan(tenant.repActor);
    const now = new Date("2026-12-20T03:00:00Z"); // Sunday 20 Dec, 16:00 in Auckland
    const rows = [
      ["2026-12-20", 4],
      ["2026-12-14", 3], // Monday of this week
      ["2026-12-13", 2],
      ["2026-12-06", 2], // the window before
      ["2026-11-22", 9], // older than both
    ] as const;
    await prisma.buyerVisitDay.createMany({
      data: rows.map(([day, visits]) => ({
        participantId: buyer.id,
        day,
        visits,
        views: visits,
        organizationId: tenant.organization.id,
        planId: plan.id,
        lastViewAt: now,
      })),
    });
    const engagement = await dealEngagement(tenant.repActor, deal.id, now);
    expect(engagement!.trend).toEqual({ direction: "RISING", recent: { visits: 9, changes: 0 }, before: { visits: 2, changes: 0 } });
    expect(engagement!.stakeholders[buyer.id]).toMatchObject({ visitsThisWeek: 7, lastAction: null, openedSteps: [] });
  });

  it("gives another organization, another rep and a made-up deal nothing", async () => {
    const dealId = tenant.repDeal.deal.id;
    expect(await dealEngagement(other.repActor, dealId)).toBeNull();
    expect(await dealEngagement(tenant.otherRepActor, dealId)).toBeNull();
    expect(await dealEngagement(await actorFor(other.admin.id), dealId)).toBeNull();
    expect(await dealEngagement(tenant.repActor, "made-up-deal")).toBeNull();
    expect(await dealEngagement(await actorFor(tenant.admin.id), dealId)).not.toBeNull();
  });
});

describe("forgetting old visits", () => {
  const prune = engagementJobs.find((job) => job.name === "buyer-visits-prune")!;

  it("deletes visit days and opened steps older than 400 days, once a day at most", async () => {
    const { plan, buyer, milestones } = await addDealWithPlan(tenant.repActor);
    const now = new Date("2027-06-01T12:00:00Z");
    const base = { participantId: buyer.id, organizationId: tenant.organization.id, planId: plan.id, views: 1, visits: 1, lastViewAt: now };
    await prisma.buyerVisitDay.createMany({ data: ["2026-04-26", "2026-04-27", "2027-05-01"].map((day) => ({ ...base, day })) });
    const opened = (milestoneId: string, daysAgo: number) => ({
      ...base,
      milestoneId,
      opens: 1,
      lastOpenedAt: new Date(now.getTime() - daysAgo * 86_400_000),
    });
    await prisma.buyerStepOpen.createMany({
      data: [opened(milestones[0].id, 401), opened(milestones[1].id, 399)].map(({ views: _v, visits: _vi, lastViewAt: _l, ...row }) => row),
    });
    await prisma.notificationCursor.deleteMany({ where: { key: prune.name } });

    expect(await prune.run(now)).toMatch(/^1 visit days and 1 opened steps/);
    expect((await prisma.buyerVisitDay.findMany({ where: { participantId: buyer.id } })).map((d) => d.day)).toEqual(["2026-04-27", "2027-05-01"]);
    expect((await prisma.buyerStepOpen.findMany({ where: { participantId: buyer.id } })).map((s) => s.milestoneId)).toEqual([milestones[1].id]);

    await prisma.buyerVisitDay.create({ data: { ...base, day: "2020-01-01" } });
    expect(await prune.run(new Date(now.getTime() + 3_600_000))).toBe("already done today");
    // A day later, 27 Apr 2026 is past 400 days too.
    expect(await prune.run(new Date(now.getTime() + 86_400_000))).toMatch(/^2 visit days/);
  });
});
