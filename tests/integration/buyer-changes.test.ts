// The rep hears what the buyer side changed on a plan: changes close together make one email, sent
// once the buyer paused for 5 minutes or 30 minutes after the first (docs/notifications.md).
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { sendBuyerChanges } from "~/models/buyer-changes.server";
import { buyerPost, joinPost, milestoneForm, opened, sellerPost, setAllowedDomains } from "../fixtures/buyers";
import { INTERNAL_MARKER, choose, emailsOf, everyEmailOf, sharedPlanWithBuyer } from "../fixtures/notifications";
import { createTenant, uniqueSuffix, type Tenant } from "../fixtures/world";
import { deliverDueEmails } from "~/utils/email.server";

const BASE = "http://localhost:3000";
const MINUTE = 60_000;
let tenant: Tenant;

beforeAll(async () => {
  tenant = await createTenant("Buyer changes");
});

const later = (minutes: number, from = Date.now()) => new Date(from + minutes * MINUTE);

/** The batch emails about one plan, as the rep reads them. */
async function batchesOf(planId: string) {
  return (await emailsOf("BUYER_CHANGES", tenant.rep.email)).filter((e) => e.idempotencyKey.startsWith(`buyer-changes:${planId}:`));
}

async function buyerWorks(p: Awaited<ReturnType<typeof sharedPlanWithBuyer>>) {
  const step = await prisma.milestone.findUniqueOrThrow({ where: { id: p.buyerStep.id } });
  expect(
    (await buyerPost(p.plan.id, p.cookie, { intent: "redate", milestoneId: step.id, version: step.version, targetDate: "2027-01-08", reason: "CISO away" }))
      .status,
  ).toBe(303);
  expect((await buyerPost(p.plan.id, p.cookie, { intent: "mark-done", milestoneId: step.id, version: step.version + 1 })).status).toBe(303);
  expect((await buyerPost(p.plan.id, p.cookie, { intent: "comment", milestoneId: step.id, body: "Sent to procurement" })).status).toBe(303);
  return step;
}

describe("buyer changes in batches", () => {
  it("wait for the buyer to pause, then go as one email that says what changed and who changed it", async () => {
    const p = await sharedPlanWithBuyer(tenant.rep.id);
    const step = await buyerWorks(p);
    const start = Date.now();
    expect(await sendBuyerChanges(later(0, start), BASE)).toBe(0);
    await sendBuyerChanges(later(4.5, start), BASE);
    expect(await batchesOf(p.plan.id)).toHaveLength(0);

    await sendBuyerChanges(later(5.1, start), BASE);
    const [email, ...more] = await batchesOf(p.plan.id);
    expect(more).toHaveLength(0);
    expect(email.subject).toBe(`${p.deal.accountName}: 4 changes to the plan`);
    // An invited buyer's first visit has no email of its own: the batch tells it.
    expect(email.text).toContain("Bea Buyer opened the plan for the first time.");
    expect(email.text).toContain(
      `Bea Buyer moved “${step.title}” from ${"18 Dec 2026"} to 8 Jan 2027: “CISO away”.`.replace("18 Dec 2026", formatted(step.targetDate)),
    );
    expect(email.text).toContain(`Bea Buyer marked “${step.title}” done.`);
    expect(email.text).toContain(`Bea Buyer commented on “${step.title}”: “Sent to procurement”.`);
    expect(email.text).toContain(`${BASE}/deals/${p.deal.id}`);
    expect(email.text).toMatch(/\/email\/stop\?e=[^&]+&k=BUYER_CHANGES&s=[0-9a-f]{64}/);
    const last = await prisma.activity.findFirstOrThrow({ where: { planId: p.plan.id, actorSide: "BUYER" }, orderBy: [{ at: "desc" }, { id: "desc" }] });
    expect(email.idempotencyKey).toBe(`buyer-changes:${p.plan.id}:${last.id}`);

    await sendBuyerChanges(later(10, start), BASE);
    expect(await batchesOf(p.plan.id)).toHaveLength(1);
  });

  it("go out 30 minutes after the first change even while the buyer keeps working", async () => {
    const p = await sharedPlanWithBuyer(tenant.rep.id);
    await buyerWorks(p);
    const first = await prisma.activity.findFirstOrThrow({ where: { planId: p.plan.id, action: "milestone.redated" } });
    const start = Date.now();
    // As if the plan was shared and the buyer began half an hour ago.
    await prisma.plan.update({ where: { id: p.plan.id }, data: { sharedAt: later(-29, start) } });
    await prisma.activity.update({ where: { id: first.id }, data: { at: later(-28, start) } });
    await sendBuyerChanges(later(1.9, start), BASE);
    expect(await batchesOf(p.plan.id)).toHaveLength(0);
    await sendBuyerChanges(later(2.1, start), BASE);
    expect(await batchesOf(p.plan.id)).toHaveLength(1);
  });

  it("send one email when two passes run at once", async () => {
    const p = await sharedPlanWithBuyer(tenant.rep.id);
    await buyerWorks(p);
    const at = later(6);
    await Promise.all([sendBuyerChanges(at, BASE), sendBuyerChanges(at, BASE), sendBuyerChanges(at, BASE)]);
    expect(await batchesOf(p.plan.id)).toHaveLength(1);
    expect(await prisma.notificationCursor.count({ where: { key: `buyer-changes:${p.plan.id}` } })).toBe(1);
  });

  it("never mail a backlog older than a day, nor the seller's own changes", async () => {
    const p = await sharedPlanWithBuyer(tenant.rep.id);
    await buyerWorks(p);
    await prisma.activity.updateMany({ where: { planId: p.plan.id, actorSide: "BUYER" }, data: { at: later(-26 * 60) } });
    await sellerPost(p.deal.id, await milestoneForm(p.buyerStep.id, { title: "Renamed by the rep" }));
    await sendBuyerChanges(later(6), BASE);
    expect(await batchesOf(p.plan.id)).toHaveLength(0);

    expect((await buyerPost(p.plan.id, p.cookie, { intent: "comment", milestoneId: "", body: "A fresh question" })).status).toBe(303);
    await sendBuyerChanges(later(6), BASE);
    const [email] = await batchesOf(p.plan.id);
    expect(email.subject).toBe(`${p.deal.accountName}: Bea Buyer commented: “A fresh question”`);
    expect(email.text).not.toContain("Renamed by the rep");
  });

  it("leave out what the rep was already told on its own: a stranger joining through an allowed domain", async () => {
    const p = await sharedPlanWithBuyer(tenant.rep.id);
    await setAllowedDomains(p.deal.id, "joiners.example");
    const email = `dan-${uniqueSuffix()}@joiners.example`;
    await joinPost(p.plan.id, { intent: "request-code", email });
    await deliverDueEmails();
    const code = /\b(\d{6})\b/.exec(opened(await prisma.emailOutbox.findFirstOrThrow({ where: { to: email } })).text)![1];
    expect((await joinPost(p.plan.id, { intent: "verify-code", email, code })).status).toBe(302);
    expect(await emailsOf("REP_NOTICE", tenant.rep.email)).toEqual(
      expect.arrayContaining([expect.objectContaining({ idempotencyKey: expect.stringMatching(/^joined:/) })]),
    );
    await sendBuyerChanges(later(6), BASE);
    const [batch] = await batchesOf(p.plan.id);
    expect(batch.text).toContain("Bea Buyer opened the plan for the first time.");
    expect(batch.text).not.toContain("joined the plan through an allowed email domain");
  });

  it("leave out a step the seller has since made internal-only, and respect the rep's choice", async () => {
    const p = await sharedPlanWithBuyer(tenant.rep.id);
    expect((await buyerPost(p.plan.id, p.cookie, { intent: "comment", milestoneId: p.buyerStep.id, body: "About this step" })).status).toBe(303);
    expect((await buyerPost(p.plan.id, p.cookie, { intent: "comment", milestoneId: "", body: "About the plan" })).status).toBe(303);
    await sellerPost(p.deal.id, await milestoneForm(p.buyerStep.id, { title: `${INTERNAL_MARKER} now`, internalOnly: "on" }));
    await choose(tenant.rep.email, "BUYER_CHANGES", false);
    try {
      await sendBuyerChanges(later(6), BASE);
    } finally {
      await choose(tenant.rep.email, "BUYER_CHANGES", null);
    }
    const [email, ...more] = await batchesOf(p.plan.id);
    expect(more).toHaveLength(0);
    expect(email.status).toBe("SUPPRESSED");
    expect(email.text).toContain("Bea Buyer commented: “About the plan”.");
    expect(email.text).not.toContain("About this step");
    for (const body of await everyEmailOf(tenant.organization.id)) expect(body).not.toContain(INTERNAL_MARKER);
  });
});

function formatted(date: string) {
  const [y, m, d] = date.split("-").map(Number);
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }).format(new Date(Date.UTC(y, m - 1, d)));
}
