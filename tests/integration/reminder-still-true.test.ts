// A step reminder queued at night waits for the reader's morning. When the morning comes, the
// outbox asks the step again: one done or moved meanwhile is not chased, the rest goes.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { deliverDueEmails } from "~/utils/email.server";
import { stepDateReminders } from "~/models/reminders.server";
import { createTenant, type Tenant } from "../fixtures/world";
import { livePlan, queued, setStep, type LivePlan } from "../fixtures/reminders";

let tenant: Tenant;
let plan: LivePlan;
const statusOf = async (keyPrefix: string) => (await queued(keyPrefix)).map((row) => row.status);

beforeAll(async () => {
  tenant = await createTenant("Still true", "America/New_York");
  plan = await livePlan(tenant);
  for (const step of [plan.beas, plan.reps]) await setStep(step.id, { targetDate: "2026-12-02" });
  // Midnight on 30 Nov in New York: both steps are due in 2 days, and both emails wait for 08:00.
  expect(await stepDateReminders.run(new Date("2026-11-30T05:00:00Z"))).not.toContain("failed");
  expect(await statusOf(`due-soon:${plan.beas.id}`)).toEqual(["PENDING"]);
  expect(await statusOf(`due-soon:${plan.reps.id}`)).toEqual(["PENDING"]);
});

describe("a step reminder held for the morning", () => {
  it("is dropped when its step was done meanwhile, and the other still goes", async () => {
    await setStep(plan.beas.id, { status: "DONE", markedDoneBySide: "BUYER", markedDoneAt: new Date("2026-11-30T06:00:00Z"), completedOn: "2026-11-30" });
    await deliverDueEmails(new Date("2026-11-30T13:00:01Z"));
    expect(await statusOf(`due-soon:${plan.beas.id}`)).toEqual(["OUTDATED"]);
    expect(await statusOf(`due-soon:${plan.reps.id}`)).toEqual(["CAPTURED"]);
  });

  it("is dropped when its step moved to another date, and the new date is reminded of in its turn", async () => {
    await setStep(plan.reps.id, { targetDate: "2026-12-09" });
    await stepDateReminders.run(new Date("2026-12-07T05:00:00Z"));
    const [row] = await queued(`due-soon:${plan.reps.id}:2026-12-09`);
    await setStep(plan.reps.id, { targetDate: "2026-12-16" });
    await deliverDueEmails(new Date("2026-12-07T13:00:01Z"));
    expect((await prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("OUTDATED");
  });
});
