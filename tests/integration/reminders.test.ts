// The reminder passes against a real database: each trigger fires once at its edge in the
// organization's timezone (America/New_York here), waits for the reader's morning, respects their
// choices, and reaches only people who can act on a live plan (docs/notifications.md).
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { deliverDueEmails } from "~/utils/email.server";
import { deliverableFrom } from "~/domain/quiet-hours";
import { awaitingConfirmationReminders, stepDateReminders } from "~/models/reminders.server";
import { milestoneForm, sellerPost } from "../fixtures/buyers";
import { addDealWithPlan, createTenant, type Tenant } from "../fixtures/world";
import { invitedBuyer, livePlan, queued, setStep, type LivePlan } from "../fixtures/reminders";

let tenant: Tenant;
beforeAll(async () => {
  tenant = await createTenant("Reminders", "America/New_York");
});

const at = (iso: string) => new Date(iso);
/** A pass at this instant; a failure it logged and went past would make "nothing queued" pass for the wrong reason. */
async function run(iso: string) {
  expect(await stepDateReminders.run(at(iso))).not.toContain("failed");
}

describe("due in 2 days", () => {
  let plan: LivePlan;
  beforeAll(async () => {
    plan = await livePlan(tenant);
  });

  it("reaches the owner at midnight two days ahead in New York, held until 08:00 there, across the month end", async () => {
    await setStep(plan.beas.id, { targetDate: "2026-12-02" });
    await run("2026-11-30T04:59:00Z"); // 23:59 on 29 Nov in New York: the step is due in 3 days
    expect(await queued(`due-soon:${plan.beas.id}`)).toEqual([]);

    await run("2026-11-30T05:00:00Z"); // midnight, 30 Nov
    const [row] = await queued(`due-soon:${plan.beas.id}`);
    expect(row).toMatchObject({
      kind: "STEP_DUE_SOON",
      to: plan.buyer.email,
      idempotencyKey: `due-soon:${plan.beas.id}:2026-12-02:${plan.buyer.email}`,
      subject: `Due in 2 days: Business case shared with finance (${plan.deal.accountName})`,
      status: "PENDING",
      containsSecret: false,
    });
    expect(row.nextAttemptAt.toISOString()).toBe("2026-11-30T13:00:00.000Z");
    expect(row.text).toContain(`/p/${plan.plan.id}#step-${plan.beas.id}`);
    expect(row.text).toMatch(/\/email\/stop\?e=.*k=STEP_DUE_SOON/);
    expect(row.text).toContain("/email/preferences?e=");
    expect(row.text).toContain("Wed, 2 Dec 2026");

    await run("2026-12-01T15:00:00Z"); // a day later: due tomorrow, nothing more
    expect(await queued(`due-soon:${plan.beas.id}`)).toHaveLength(1);
  });

  it("reaches the rep for their own step, with a link to the deal, and follows a year end", async () => {
    await setStep(plan.reps.id, { targetDate: "2027-01-01" });
    await run("2026-12-30T04:59:00Z");
    expect(await queued(`due-soon:${plan.reps.id}`)).toEqual([]);
    await run("2026-12-30T05:00:00Z");
    const [row] = await queued(`due-soon:${plan.reps.id}`);
    expect(row.to).toBe(tenant.rep.email);
    expect(row.text).toContain(`/deals/${plan.deal.id}#milestone-${plan.reps.id}`);
    expect(row.text).not.toContain("/p/");
  });

  it("reminds again when the step moves to a new date, once for that date", async () => {
    await setStep(plan.beas.id, { targetDate: "2026-12-09" });
    await run("2026-12-07T05:00:00Z");
    await run("2026-12-07T18:00:00Z");
    expect((await queued(`due-soon:${plan.beas.id}`)).map((r) => r.idempotencyKey)).toEqual([
      `due-soon:${plan.beas.id}:2026-12-02:${plan.buyer.email}`,
      `due-soon:${plan.beas.id}:2026-12-09:${plan.buyer.email}`,
    ]);
  });
});

describe("overdue", () => {
  let plan: LivePlan;
  beforeAll(async () => {
    plan = await livePlan(tenant);
  });

  it("reaches the owner and the rep once each, from midnight after the date, across the night the clocks fall back", async () => {
    await setStep(plan.beas.id, { targetDate: "2026-10-31" });
    await run("2026-11-01T03:59:00Z"); // 23:59 EDT on 31 Oct
    expect(await queued(`overdue:${plan.beas.id}`)).toEqual([]);
    await run("2026-11-01T04:00:00Z"); // midnight EDT, 1 Nov; the clocks fall back at 06:00 UTC
    await run("2026-11-03T15:00:00Z");
    await run("2026-11-07T23:00:00Z");
    const rows = await queued(`overdue:${plan.beas.id}`);
    expect(rows.map((r) => r.to).sort()).toEqual([plan.buyer.email, tenant.rep.email].sort());
    // Both wait for 08:00 on 1 Nov, which is EST by then.
    for (const row of rows) expect(row.nextAttemptAt.toISOString()).toBe("2026-11-01T13:00:00.000Z");
    const toRep = rows.find((r) => r.to === tenant.rep.email)!;
    expect(toRep.subject).toBe(`Overdue: Business case shared with finance (${plan.deal.accountName})`);
    expect(toRep.text).toContain(`/deals/${plan.deal.id}`);
    expect(toRep.text).toContain("Owner: Bea Buyer (buyer)");
    expect(rows.find((r) => r.to === plan.buyer.email)!.text).toContain(`/p/${plan.plan.id}`);
  });

  it("starts at midnight on the day the clocks spring forward", async () => {
    await setStep(plan.unowned.id, { targetDate: "2026-03-07" });
    await run("2026-03-08T04:59:00Z");
    expect(await queued(`overdue:${plan.unowned.id}`)).toEqual([]);
    await run("2026-03-08T05:00:00Z");
    // Nobody owns the step: the rep hears of it.
    expect((await queued(`overdue:${plan.unowned.id}`)).map((r) => r.to)).toEqual([tenant.rep.email]);
  });

  it("leaves steps that went overdue more than a week ago alone, and sends the rep one email for their own step", async () => {
    await setStep(plan.beas.id, { targetDate: "2026-10-20" });
    await setStep(plan.reps.id, { targetDate: "2026-10-21" });
    await run("2026-10-28T04:00:00Z"); // 28 Oct: 8 and 7 days late
    expect(await queued(`overdue:${plan.beas.id}:2026-10-20`)).toEqual([]);
    expect((await queued(`overdue:${plan.reps.id}`)).map((r) => r.to)).toEqual([tenant.rep.email]);
  });
});

describe("who never gets a reminder", () => {
  it("an invited or removed buyer, and a buyer on an internal-only step", async () => {
    const plan = await livePlan(tenant);
    const ivan = await invitedBuyer(tenant, plan.deal.id);
    await setStep(plan.unowned.id, { targetDate: "2026-11-10", ownerParticipant: { connect: { id: ivan.id } } });
    await setStep(plan.beas.id, { targetDate: "2026-11-10", internalOnly: true });
    await run("2026-11-11T15:00:00Z");
    expect((await queued(`overdue:${plan.unowned.id}`)).map((r) => r.to)).toEqual([tenant.rep.email]);
    expect((await queued(`overdue:${plan.beas.id}`)).map((r) => r.to)).toEqual([tenant.rep.email]);

    await setStep(plan.beas.id, { targetDate: "2026-11-13", internalOnly: false });
    await prisma.participant.update({ where: { id: plan.buyer.id }, data: { accessState: "REVOKED" } });
    await run("2026-11-11T15:00:00Z");
    expect(await queued(`due-soon:${plan.beas.id}`)).toEqual([]);
  });

  it("anyone on a draft plan, or on a closed or archived deal", async () => {
    const draft = await addDealWithPlan(tenant.repActor);
    const won = await livePlan(tenant);
    const archived = await livePlan(tenant);
    await prisma.deal.update({ where: { id: won.deal.id }, data: { outcome: "WON", closedOn: "2026-11-01" } });
    await prisma.deal.update({ where: { id: archived.deal.id }, data: { archivedAt: at("2026-11-01T00:00:00Z") } });
    for (const steps of [draft.milestones, won.milestones, archived.milestones]) {
      await prisma.milestone.updateMany({ where: { id: { in: steps.map((m) => m.id) } }, data: { targetDate: "2026-11-05" } });
    }
    await run("2026-11-06T15:00:00Z");
    await run("2026-11-03T15:00:00Z");
    const dealIds = [draft.deal.id, won.deal.id, archived.deal.id];
    const stepIds = (await prisma.milestone.findMany({ where: { plan: { dealId: { in: dealIds } } }, select: { id: true } })).map((m) => m.id);
    const rows = await prisma.emailOutbox.findMany({ where: { OR: stepIds.map((id) => ({ idempotencyKey: { contains: `:${id}:` } })) } });
    expect(rows).toEqual([]);
  });
});

describe("choices and quiet hours", () => {
  it("stores a turned-off kind as suppressed, once, and delivers it never", async () => {
    const plan = await livePlan(tenant);
    await prisma.emailPreference.create({ data: { email: plan.buyer.email, kind: "STEP_OVERDUE", enabled: false } });
    await setStep(plan.beas.id, { targetDate: "2026-11-15" });
    await run("2026-11-16T15:00:00Z");
    await run("2026-11-17T15:00:00Z");
    const rows = await queued(`overdue:${plan.beas.id}`);
    expect(rows.map((r) => [r.to, r.status]).sort()).toEqual(
      [
        [plan.buyer.email, "SUPPRESSED"],
        [tenant.rep.email, "PENDING"],
      ].sort(),
    );
    await deliverDueEmails();
    expect((await prisma.emailOutbox.findUniqueOrThrow({ where: { id: rows.find((r) => r.to === plan.buyer.email)!.id } })).status).toBe("SUPPRESSED");
  });

  it("follows the organization's default, and the reader's own timezone", async () => {
    const other = await createTenant("Reminder defaults", "America/New_York");
    await prisma.organization.update({ where: { id: other.organization.id }, data: { emailKindsOffByDefault: "STEP_DUE_SOON" } });
    await prisma.user.update({ where: { id: other.rep.id }, data: { timezone: "Pacific/Auckland" } });
    const plan = await livePlan(other);
    await setStep(plan.beas.id, { targetDate: "2026-11-20" });
    await setStep(plan.reps.id, { targetDate: "2026-11-17" });
    const now = "2026-11-18T10:00:00Z"; // 05:00 in New York, 23:00 in Auckland
    await run(now);
    expect((await queued(`due-soon:${plan.beas.id}`))[0].status).toBe("SUPPRESSED");
    const [toRep] = await queued(`overdue:${plan.reps.id}`);
    expect(toRep.nextAttemptAt).toEqual(deliverableFrom(at(now), "Pacific/Auckland"));
    expect(toRep.nextAttemptAt.toISOString()).toBe("2026-11-18T19:00:00.000Z");
  });
});

describe("passes side by side", () => {
  it("queue each reminder once, whether they run at once or one after the other", async () => {
    const plan = await livePlan(tenant);
    await setStep(plan.beas.id, { targetDate: "2026-11-24" });
    await setStep(plan.unowned.id, { targetDate: "2026-11-27" });
    await setStep(plan.reps.id, { targetDate: "2026-11-24" });
    const now = "2026-11-25T16:00:00Z";
    await Promise.all([run(now), run(now), run(now)]);
    await run(now);
    const keys = [...(await queued(`overdue:${plan.beas.id}`)), ...(await queued(`overdue:${plan.reps.id}`)), ...(await queued(`due-soon:${plan.unowned.id}`))];
    expect(keys.map((r) => r.idempotencyKey).sort()).toEqual(
      [
        `overdue:${plan.beas.id}:2026-11-24:${plan.buyer.email}`,
        `overdue:${plan.beas.id}:2026-11-24:${tenant.rep.email}`,
        `overdue:${plan.reps.id}:2026-11-24:${tenant.rep.email}`,
      ].sort(),
    );
  });
});

describe("awaiting your confirmation", () => {
  const markDone = async (milestoneId: string, dealId: string) => {
    const response = await sellerPost(dealId, await milestoneForm(milestoneId, { status: "DONE" }));
    expect(response.status).toBe(303);
    return (await prisma.milestone.findUniqueOrThrow({ where: { id: milestoneId } })).markedDoneAt!;
  };
  const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
  const runAwaiting = async (now: Date) => expect(await awaitingConfirmationReminders.run(now)).not.toContain("failed");

  it("asks the owner ten minutes after a seller's mark, once, in their daytime", async () => {
    const plan = await livePlan(tenant);
    const markedAt = await markDone(plan.beas.id, plan.deal.id);
    await runAwaiting(later(markedAt, 9 * 60_000 + 59_000));
    expect(await queued(`awaiting:${plan.beas.id}`)).toEqual([]);
    const now = later(markedAt, 10 * 60_000);
    await Promise.all([runAwaiting(now), runAwaiting(now)]);
    await runAwaiting(later(markedAt, 60 * 60_000));
    const rows = await queued(`awaiting:${plan.beas.id}`);
    expect(rows.map((r) => r.idempotencyKey)).toEqual([`awaiting:${plan.beas.id}:${markedAt.getTime()}:${plan.buyer.email}`]);
    expect(rows[0]).toMatchObject({
      kind: "AWAITING_CONFIRMATION",
      subject: `Awaiting your confirmation: Business case shared with finance (${plan.deal.accountName})`,
    });
    expect(rows[0].nextAttemptAt).toEqual(deliverableFrom(now, "America/New_York"));
    expect(rows[0].text).toContain(`/p/${plan.plan.id}#step-${plan.beas.id}`);
  });

  it("asks every active buyer when nobody on their side owns the step, never an invited one", async () => {
    const plan = await livePlan(tenant);
    await invitedBuyer(tenant, plan.deal.id);
    const markedAt = await markDone(plan.unowned.id, plan.deal.id);
    await runAwaiting(later(markedAt, 11 * 60_000));
    expect((await queued(`awaiting:${plan.unowned.id}`)).map((r) => r.to)).toEqual([plan.buyer.email]);
  });

  it("sends nothing for a mark undone within ten minutes", async () => {
    const plan = await livePlan(tenant);
    const markedAt = await markDone(plan.beas.id, plan.deal.id);
    expect((await sellerPost(plan.deal.id, await milestoneForm(plan.beas.id, { status: "IN_PROGRESS" }))).status).toBe(303);
    await runAwaiting(later(markedAt, 11 * 60_000));
    expect(await queued(`awaiting:${plan.beas.id}`)).toEqual([]);
  });
});
