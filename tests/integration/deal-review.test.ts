// The weekly deal review, through the real loader and action: whose review each role may open,
// the rep's open deals in the order to discuss them, and notes kept per deal and week.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as review from "~/routes/_seller.review";
import { addDays } from "~/domain/dates";
import { weekStart } from "~/domain/kpis";
import { actorToday } from "~/models/actor.server";
import { callAction, callLoader } from "../fixtures/routes";
import { actorFor, addDealWithPlan, addUser, cookieFor, createTenant, type Tenant } from "../fixtures/world";

type Page = Awaited<ReturnType<typeof review.loader>>["data"];

let A: Tenant;
let B: Tenant;
const cookies = { aRep: "", aManager: "", aAdmin: "", bRep: "", outsideManager: "" };
let thisWeek: string;
/** A rep of A's team with three open deals, one won and one archived. */
let subject: { id: string; deals: Record<"bigRisky" | "mid" | "small" | "won" | "archived", string> };
let outsider: { id: string };

beforeAll(async () => {
  A = await createTenant("Review");
  B = await createTenant("Elsewhere");
  cookies.aRep = await cookieFor(A.rep.id);
  cookies.aManager = await cookieFor(A.manager.id);
  cookies.aAdmin = await cookieFor(A.admin.id);
  cookies.bRep = await cookieFor(B.rep.id);
  const otherTeam = await prisma.team.create({ data: { organizationId: A.organization.id, name: "Other team" } });
  outsider = await addUser(A.organization.id, "REP", otherTeam.id);
  const outsideManager = await addUser(A.organization.id, "MANAGER", otherTeam.id);
  await prisma.teamManager.create({ data: { teamId: otherTeam.id, userId: outsideManager.id } });
  cookies.outsideManager = await cookieFor(outsideManager.id);

  const team = await prisma.team.findFirstOrThrow({ where: { organizationId: A.organization.id, name: "Field" } });
  const rep = await addUser(A.organization.id, "REP", team.id, "Quinn Quota");
  const actor = await actorFor(rep.id);
  thisWeek = weekStart(actorToday(actor));
  const dealOf = async (amount: number) => {
    const { deal } = await addDealWithPlan(actor);
    await prisma.deal.update({ where: { id: deal.id }, data: { amount } });
    return deal.id;
  };
  const deals = {
    small: await dealOf(20_000),
    bigRisky: await dealOf(90_000),
    mid: await dealOf(30_000),
    won: await dealOf(70_000),
    archived: await dealOf(80_000),
  };
  await prisma.deal.update({ where: { id: deals.won }, data: { outcome: "WON", closedOn: actorToday(actor) } });
  await prisma.deal.update({ where: { id: deals.archived }, data: { archivedAt: new Date() } });
  subject = { id: rep.id, deals };
});

const load = (cookie: string, query = "") => callLoader(review.loader, { path: `/review${query}`, cookie });
const post = (cookie: string, query: string, form: Record<string, string>) =>
  callAction(review.action, { path: `/review${query}`, cookie, form: { intent: "add-review-note", ...form } });

async function pageOf(cookie: string, query = "") {
  const result = await load(cookie, query);
  expect(result.status).toBe(200);
  return result.body as Page;
}

describe("whose review", () => {
  it("a rep opens their own by default, with no rep picker worth showing", async () => {
    const page = await pageOf(cookies.aRep);
    expect(page.subject.id).toBe(A.rep.id);
    expect(page.people.map((p) => p.id)).toEqual([A.rep.id]);
    expect(page.managerView).toBe(false);
    expect(page.week).toBe(thisWeek);
  });

  it("a manager opens the reps of the teams they manage; an admin anyone in the organization", async () => {
    expect((await pageOf(cookies.aManager, `?rep=${subject.id}`)).subject.name).toBe("Quinn Quota");
    const byDefault = await pageOf(cookies.aManager);
    const managerPeople = byDefault.people.map((p) => p.id);
    // With no rep named, a manager opens the first rep by name.
    expect(byDefault.subject).toEqual(byDefault.people.find((p) => p.role === "REP"));
    expect(managerPeople).toEqual(expect.arrayContaining([A.rep.id, A.otherRep.id, subject.id]));
    expect(managerPeople).not.toContain(outsider.id);
    expect((await pageOf(cookies.aAdmin, `?rep=${outsider.id}`)).subject.id).toBe(outsider.id);
  });

  it("lists no deactivated people, and managers or admins only while they own an open deal", async () => {
    const team = await prisma.team.findFirstOrThrow({ where: { organizationId: A.organization.id, name: "Field" } });
    const gone = await addUser(A.organization.id, "REP", team.id, "Gone Rep");
    await prisma.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    const listed = (await pageOf(cookies.aAdmin)).people.map((p) => p.id);
    expect(listed).toEqual(expect.arrayContaining([A.rep.id, A.otherRep.id, subject.id, outsider.id]));
    for (const id of [gone.id, A.manager.id, A.admin.id]) expect(listed).not.toContain(id);
    expect((await load(cookies.aAdmin, `?rep=${gone.id}`)).status).toBe(404);

    const { deal } = await addDealWithPlan(await actorFor(A.manager.id));
    expect((await pageOf(cookies.aManager)).people.map((p) => p.id)).toContain(A.manager.id);
    await prisma.deal.update({ where: { id: deal.id }, data: { archivedAt: new Date() } });
    expect((await pageOf(cookies.aManager)).people.map((p) => p.id)).not.toContain(A.manager.id);
    // Their own review stays open to them, with nothing on it.
    const own = await pageOf(cookies.aManager, `?rep=${A.manager.id}`);
    expect([own.subject.id, own.deals]).toEqual([A.manager.id, []]);
  });

  it.each([
    { who: "A's rep asks for their teammate", cookie: () => cookies.aRep, rep: () => A.otherRep.id },
    { who: "A's manager asks for a rep of a team they do not manage", cookie: () => cookies.aManager, rep: () => outsider.id },
    { who: "another team's manager asks for A's rep", cookie: () => cookies.outsideManager, rep: () => A.rep.id },
    { who: "A's admin asks for B's rep", cookie: () => cookies.aAdmin, rep: () => B.rep.id },
    { who: "B's rep asks for A's rep", cookie: () => cookies.bRep, rep: () => A.rep.id },
    { who: "A's manager asks for a made-up id", cookie: () => cookies.aManager, rep: () => "made-up-user" },
  ])("$who → 404 on the page and on a note", async ({ cookie, rep }) => {
    const loaded = await load(cookie(), `?rep=${rep()}`);
    expect([loaded.status, loaded.body]).toEqual([404, "Not found"]);
    const notesBefore = await prisma.dealReviewNote.count();
    const posted = await post(cookie(), `?rep=${rep()}`, { dealId: A.repDeal.deal.id, body: "Forged note" });
    expect([posted.status, posted.body]).toEqual([404, "Not found"]);
    expect(await prisma.dealReviewNote.count()).toBe(notesBefore);
  });
});

describe("the agenda", () => {
  it("lists the rep's open, non-archived deals: high-risk first, then by health, larger amounts first", async () => {
    const page = await pageOf(cookies.aManager, `?rep=${subject.id}`);
    const { bigRisky, mid, small } = subject.deals;
    expect(page.deals.map((d) => d.id)).toEqual([bigRisky, mid, small]);
    const [first, second] = page.deals;
    expect(first.group).toBe("FIRST");
    expect(first.highRiskReason).toBe("High-risk multi-threading: 6 of 6 buying roles weak or unknown on a 90,000 deal before stage 4");
    expect(first.gaps).toContain("Procurement missing: six-week delay at signature");
    expect(first.health!.deductions.map((d) => d.reason)).toContain(first.highRiskReason);
    expect(second.highRiskReason).toBeNull();
    expect(second.group).not.toBe("FIRST");
    expect(first.nextStep).not.toBeNull();
  });

  it("falls back to this week, with a notice, for a week that has not started; any day picks its Monday", async () => {
    const future = await pageOf(cookies.aRep, `?week=${addDays(thisWeek, 7)}`);
    expect([future.week, future.weekNotice]).toEqual([thisWeek, "That week has not started yet: showing this week."]);
    expect((await pageOf(cookies.aRep, `?week=${addDays(thisWeek, -5)}`)).week).toBe(addDays(thisWeek, -7));
    expect((await pageOf(cookies.aRep, "?week=soon")).weekNotice).toBe("That week is not a date: showing this week.");
  });
});

describe("notes", () => {
  it("are kept per deal and week: last week's note shows under earlier reviews this week", async () => {
    const dealId = subject.deals.mid;
    const lastWeek = addDays(thisWeek, -7);
    const query = `?rep=${subject.id}&week=${lastWeek}`;
    const saved = await post(cookies.aManager, query, { dealId, body: "Ask for the CFO meeting before the proposal." });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe(`/review?rep=${subject.id}&week=${lastWeek}#review-${dealId}`);
    const stored = await prisma.dealReviewNote.findFirstOrThrow({ where: { dealId } });
    expect(stored).toMatchObject({ weekOf: lastWeek, authorId: A.manager.id, organizationId: A.organization.id });

    const then = (await pageOf(cookies.aManager, query)).deals.find((d) => d.id === dealId)!;
    expect(then.notes.map((n) => n.body)).toEqual(["Ask for the CFO meeting before the proposal."]);
    const now = (await pageOf(cookies.aManager, `?rep=${subject.id}`)).deals.find((d) => d.id === dealId)!;
    expect(now.notes).toEqual([]);
    expect(now.earlierNotes).toEqual([
      expect.objectContaining({ body: "Ask for the CFO meeting before the proposal.", weekOf: lastWeek, authorName: A.manager.name }),
    ]);
    // The rep reads both notes on their own review.
    await post(cookies.aManager, `?rep=${subject.id}`, { dealId, body: "Followed up." });
    const asRep = (await pageOf(await cookieFor(subject.id))).deals.find((d) => d.id === dealId)!;
    expect(asRep.notes.map((n) => n.body)).toEqual(["Followed up."]);
    expect(asRep.earlierNotes.map((n) => n.body)).toEqual(["Ask for the CFO meeting before the proposal."]);
  });

  it.each([
    { body: "", error: "Note is required" },
    { body: "   ", error: "Note is required" },
    { body: "x".repeat(2001), error: "Note is too long (2000 characters at most)" },
  ])("refuses a note of $body.length characters with 400 and a field error", async ({ body, error }) => {
    const before = await prisma.dealReviewNote.count();
    const result = await post(cookies.aRep, "", { dealId: A.repDeal.deal.id, body });
    expect(result.status).toBe(400);
    expect((result.body as { result: { error: Record<string, string[]> } }).result.error).toEqual({ body: [error] });
    expect(await prisma.dealReviewNote.count()).toBe(before);
  });

  it("takes 2000 characters", async () => {
    expect((await post(cookies.aRep, "", { dealId: A.repDeal.deal.id, body: "y".repeat(2000) })).status).toBe(303);
  });

  it.each([
    { label: "B's deal", dealId: () => B.repDeal.deal.id },
    { label: "a teammate's deal the rep cannot see", dealId: () => A.otherRepDeal.deal.id },
    { label: "a made-up deal", dealId: () => "made-up-deal" },
  ])("a note on $label → 404, nothing stored", async ({ dealId }) => {
    const before = await prisma.dealReviewNote.count();
    const result = await post(cookies.aRep, "", { dealId: dealId(), body: "Forged" });
    expect([result.status, result.body]).toEqual([404, "Not found"]);
    expect(await prisma.dealReviewNote.count()).toBe(before);
  });

  it.each([
    { label: "the rep's won deal", dealId: () => subject.deals.won },
    { label: "the rep's archived deal", dealId: () => subject.deals.archived },
    { label: "another rep's deal the manager may see", dealId: () => A.repDeal.deal.id },
  ])("a note on $label, posted to the rep's review → 404, nothing stored", async ({ dealId }) => {
    const before = await prisma.dealReviewNote.count();
    const result = await post(cookies.aManager, `?rep=${subject.id}`, { dealId: dealId(), body: "Off the agenda" });
    expect([result.status, result.body]).toEqual([404, "Not found"]);
    expect(await prisma.dealReviewNote.count()).toBe(before);
  });

  it("signed out: 302 to sign-in on the page and on a note", async () => {
    for (const result of [
      await callLoader(review.loader, { path: "/review" }),
      await callAction(review.action, { path: "/review", form: { intent: "add-review-note" } }),
    ]) {
      expect(result.status).toBe(302);
      expect(result.headers.get("Location")).toMatch(/^\/login/);
    }
  });
});
