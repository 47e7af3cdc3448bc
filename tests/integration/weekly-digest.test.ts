// Monday's digest for reps and managers, from 07:00 in the organization's timezone to the end of
// that Monday (docs/notifications.md, "What sellers are told").
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { addDays, calendarDateIn } from "~/domain/dates";
import { wallClockHourIn } from "~/domain/quiet-hours";
import { mondayOf } from "~/domain/weekly-digest";
import { createDeal } from "~/models/deal.server";
import { digestKey, sendWeeklyDigests } from "~/models/weekly-digest.server";
import { buyerPost, milestoneForm, sellerPost } from "../fixtures/buyers";
import { INTERNAL_MARKER, choose, emailsOf, everyEmailOf, sharedPlanWithBuyer } from "../fixtures/notifications";
import { actorFor, addUser, createTenant, type Tenant } from "../fixtures/world";

const BASE = "http://localhost:3000";
const AUCKLAND = "Pacific/Auckland";

/** Next Monday in `zone`: the changes the tests make now fall in the week before it. */
function nextMonday(zone: string) {
  const weekOf = addDays(mondayOf(calendarDateIn(zone, new Date())), 7);
  return { weekOf, sevenAm: wallClockHourIn(zone, weekOf, 7) };
}

async function digestOf(userId: string, weekOf: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  return (await emailsOf("WEEKLY_DIGEST", user.email)).find((e) => e.idempotencyKey === digestKey(userId, weekOf));
}

/** A rep of the tenant's team with one deal and no plan: nothing can happen on it. */
async function repWithQuietDeal(tenant: Tenant) {
  const team = await prisma.team.findFirstOrThrow({ where: { organizationId: tenant.organization.id } });
  const rep = await addUser(tenant.organization.id, "REP", team.id, "Quentin Quiet");
  const deal = await createDeal(await actorFor(rep.id), {
    accountName: "Quiet Corp",
    name: "Quiet Corp renewal",
    amount: 10_000,
    currency: "USD",
    stage: 2,
    targetCloseDate: "2027-06-30",
    repForecastCategory: "PIPELINE",
    planMode: "none",
  });
  return { rep, deal };
}

describe("the weekly digest in an organization in UTC+13", () => {
  let tenant: Tenant;
  let p: Awaited<ReturnType<typeof sharedPlanWithBuyer>>;
  let quiet: Awaited<ReturnType<typeof repWithQuietDeal>>;
  const { weekOf, sevenAm } = nextMonday(AUCKLAND);

  beforeAll(async () => {
    tenant = await createTenant("Digest", AUCKLAND);
    p = await sharedPlanWithBuyer(tenant.rep.id);
    quiet = await repWithQuietDeal(tenant);
    await prisma.user.update({ where: { id: quiet.rep.id }, data: { timezone: "Asia/Tokyo" } });
    // Last Monday the deal looked fine.
    await prisma.dealWeekSnapshot.create({
      data: {
        organizationId: tenant.organization.id,
        dealId: p.deal.id,
        weekOf: addDays(weekOf, -7),
        healthLabel: "HEALTHY",
        healthScore: 90,
        repCategory: "PIPELINE",
        derivedCategory: "COMMIT",
        projectedOutsideQuarter: false,
        stage: 3,
        targetCloseDate: "2027-03-31",
      },
    });
    // This week the buyer moved a step past the quarter and commented twice; a seller step is due on Wednesday.
    const step = await prisma.milestone.findUniqueOrThrow({ where: { id: p.buyerStep.id } });
    await buyerPost(p.plan.id, p.cookie, { intent: "redate", milestoneId: step.id, version: step.version, targetDate: "2027-05-03", reason: "" });
    for (const body of ["First question", "Second question"]) await buyerPost(p.plan.id, p.cookie, { intent: "comment", milestoneId: "", body });
    await sellerPost(p.deal.id, {
      intent: "add-milestone",
      title: "Pricing call",
      output: "",
      ownerSide: "SELLER",
      ownerParticipantId: "",
      targetDate: addDays(weekOf, 2),
      status: "NOT_STARTED",
      gatesStage: "",
    });
    // The internal step slips and falls due this week: no digest may say so.
    await sellerPost(p.deal.id, await milestoneForm(p.internalStep.id, { targetDate: "2027-02-01" }));
    await sellerPost(p.deal.id, await milestoneForm(p.internalStep.id, { targetDate: addDays(weekOf, 3) }));
  });

  it("waits for 07:00 on Monday there, which is 18:00 on Sunday in UTC", async () => {
    expect(sevenAm.toISOString()).toMatch(/T18:00:00\.000Z$/);
    expect(await sendWeeklyDigests(new Date(sevenAm.getTime() - 60_000), BASE)).toBe(0);
    expect(await prisma.emailOutbox.count({ where: { kind: "WEEKLY_DIGEST", organizationId: tenant.organization.id } })).toBe(0);
  });

  it("tells the rep what changed, what is due and what the buyer did, in short sentences", async () => {
    await sendWeeklyDigests(sevenAm, BASE);
    const digest = (await digestOf(tenant.rep.id, weekOf))!;
    expect(digest.subject).toBe(`Your digest for the week of ${formatted(weekOf)}`);
    const account = p.deal.accountName;
    expect(digest.text).toMatch(
      new RegExp(
        `${account}: the buyer moved “${p.buyerStep.title}” from \\d+ \\w+( \\d{4})? to 3 May 2027; health fell from healthy to (at risk|stalled); the plan now supports \\w+( \\w+)?, down from Commit; projected close now after Q1 FY2027`,
      ),
    );
    expect(digest.text).toMatch(new RegExp(`${account}: “Pricing call” \\(seller\\) due Wed \\d+ \\w+`));
    expect(digest.text).toContain(`${account}: Bea Buyer moved 1 date, commented twice and opened the plan for the first time`);
    expect(digest.text).toContain(`${BASE}/deals`);
    expect(digest.text).toMatch(/\/email\/stop\?e=[^&]+&k=WEEKLY_DIGEST&s=[0-9a-f]{64}/);
    // Held until 08:00 in Auckland, the rep's timezone being the organization's.
    expect(digest.nextAttemptAt).toEqual(new Date(sevenAm.getTime() + 60 * 60_000));
  });

  it("gives the manager every deal of their team, each with its owner, and each rep only their own", async () => {
    const manager = (await digestOf(tenant.manager.id, weekOf))!;
    expect(manager.text).toContain(`${p.deal.accountName} (${tenant.rep.name}): the buyer moved`);
    expect(manager.text).toContain(`${tenant.otherRepDeal.deal.accountName} (${tenant.otherRep.name})`);
    expect(manager.text).toContain("open deals on your teams");
    expect(manager.text).toContain(`${BASE}/dashboard`);
    const other = (await digestOf(tenant.otherRep.id, weekOf))!;
    expect(other.text).not.toContain(p.deal.accountName);
    // An admin who owns no deal has nothing to read.
    expect(await digestOf(tenant.admin.id, weekOf)).toBeUndefined();
  });

  it("is a short quiet-week note for a rep whose deals saw nothing, held until their own morning", async () => {
    const digest = (await digestOf(quiet.rep.id, weekOf))!;
    expect(digest.subject).toBe(`A quiet week: your digest for the week of ${formatted(weekOf)}`);
    expect(digest.text).toContain("Your open deal: ");
    expect(digest.text).toContain("nothing changed on them, no buyer acted on a plan, and nothing is due this week");
    // 18:00 UTC is 03:00 in Tokyo: it waits for 08:00 there, 23:00 UTC.
    expect(digest.nextAttemptAt.toISOString()).toMatch(/T23:00:00\.000Z$/);
  });

  it("writes this week's snapshot of every open deal once, and sends nothing twice", async () => {
    const openDeals = await prisma.deal.count({ where: { organizationId: tenant.organization.id, outcome: "OPEN", archivedAt: null } });
    const snapshots = () => prisma.dealWeekSnapshot.count({ where: { organizationId: tenant.organization.id, weekOf } });
    expect(await snapshots()).toBe(openDeals);
    const emails = await prisma.emailOutbox.count({ where: { kind: "WEEKLY_DIGEST", organizationId: tenant.organization.id } });
    expect(await sendWeeklyDigests(new Date(sevenAm.getTime() + 3 * 3600_000), BASE)).toBe(0);
    expect(await snapshots()).toBe(openDeals);
    expect(await prisma.emailOutbox.count({ where: { kind: "WEEKLY_DIGEST", organizationId: tenant.organization.id } })).toBe(emails);
    const snapshot = await prisma.dealWeekSnapshot.findFirstOrThrow({ where: { dealId: p.deal.id, weekOf } });
    expect(snapshot.createdAt).toBeInstanceOf(Date);
    expect(snapshot.projectedOutsideQuarter).toBe(true);
  });

  it("never mentions an internal-only step", async () => {
    for (const body of await everyEmailOf(tenant.organization.id)) expect(body).not.toContain(INTERNAL_MARKER);
  });
});

describe("the weekly digest in an organization in UTC−10", () => {
  it("still goes out late on Monday when the morning was missed, and not once Monday is over; two passes at once send one", async () => {
    const zone = "Pacific/Honolulu";
    const tenant = await createTenant("Digest late", zone);
    const { weekOf } = nextMonday(zone);
    const lastMinute = new Date(wallClockHourIn(zone, addDays(weekOf, 1), 0).getTime() - 60_000);
    await prisma.organization.update({ where: { id: tenant.organization.id }, data: { emailKindsOffByDefault: "WEEKLY_DIGEST" } });
    await choose(tenant.manager.email, "WEEKLY_DIGEST", true);
    try {
      expect(await sendWeeklyDigests(new Date(lastMinute.getTime() + 60_000), BASE)).toBe(0);
      await Promise.all([sendWeeklyDigests(lastMinute, BASE), sendWeeklyDigests(lastMinute, BASE)]);
    } finally {
      await choose(tenant.manager.email, "WEEKLY_DIGEST", null);
    }
    const rows = await prisma.emailOutbox.findMany({ where: { kind: "WEEKLY_DIGEST", organizationId: tenant.organization.id } });
    expect(rows.map((r) => r.to).sort()).toEqual([tenant.manager.email, tenant.otherRep.email, tenant.rep.email].sort());
    // Off by the organization's default, except for the manager, who turned it on.
    expect(Object.fromEntries(rows.map((r) => [r.to, r.status]))).toEqual({
      [tenant.manager.email]: "PENDING",
      [tenant.rep.email]: "SUPPRESSED",
      [tenant.otherRep.email]: "SUPPRESSED",
    });
  });
});

function formatted(date: string) {
  const [y, m, d] = date.split("-").map(Number);
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }).format(new Date(Date.UTC(y, m - 1, d)));
}
