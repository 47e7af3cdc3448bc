// A template names the buying role that usually owns each step. A plan keeps that role on its
// steps, and the first buyer contact added with the role becomes the owner of the open steps that
// have none, each change on the step's history.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { addBuyerParticipant } from "~/models/participant.server";
import { DEFAULT_TEMPLATE_STEPS } from "~/domain/default-template";
import { addDealWithPlan, createTenant, uniqueSuffix, type Tenant } from "../fixtures/world";

let tenant: Tenant;
beforeAll(async () => {
  tenant = await createTenant("Owner roles");
});

const stepsOf = (planId: string) => prisma.milestone.findMany({ where: { planId }, orderBy: { position: "asc" } });
const contact = (role: "CHAMPION" | "PROCUREMENT" | "TECHNICAL_EVALUATOR", name: string) => ({
  name,
  email: `${name.split(" ")[0].toLowerCase()}-${uniqueSuffix()}@buyer.example`,
  title: "",
  role,
});

describe("a template step's buying role", () => {
  it("is kept on the plan's steps, and the first contact with it owns the buyer's and joint steps that wait for an owner", async () => {
    const { deal, plan, buyer } = await addDealWithPlan(tenant.repActor);
    const steps = await stepsOf(plan.id);
    expect(steps.map((s) => s.ownerRole)).toEqual(DEFAULT_TEMPLATE_STEPS.map((s) => (s.ownerSide === "SELLER" ? null : s.ownerRole)));
    // Bea, added as the champion, owns every champion's step; seller steps stay the rep's.
    for (const step of steps) {
      if (step.ownerRole === "CHAMPION") expect(step.ownerParticipantId).toBe(buyer.id);
      else if (step.ownerSide !== "SELLER") expect(step.ownerParticipantId).toBeNull();
    }
    const history = await prisma.activity.findMany({ where: { planId: plan.id, action: "milestone.updated" } });
    expect(history.map((a) => JSON.parse(a.after!))).toEqual(steps.filter((s) => s.ownerRole === "CHAMPION").map(() => ({ ownerParticipantId: buyer.id })));

    // A second champion finds the champion's steps taken; procurement gets its own.
    const second = await addBuyerParticipant(tenant.repActor, deal.id, contact("CHAMPION", "Cleo Champion"));
    const buyerOfProcurement = await addBuyerParticipant(tenant.repActor, deal.id, contact("PROCUREMENT", "Pat Procurement"));
    const after = await stepsOf(plan.id);
    expect(after.filter((s) => s.ownerParticipantId === second.id)).toEqual([]);
    expect(after.filter((s) => s.ownerParticipantId === buyerOfProcurement.id).map((s) => s.ownerRole)).toEqual(
      DEFAULT_TEMPLATE_STEPS.filter((s) => s.ownerRole === "PROCUREMENT").map(() => "PROCUREMENT"),
    );
  });

  it("gives a done step to nobody", async () => {
    const { deal, plan } = await addDealWithPlan(tenant.repActor);
    const evaluation = (await stepsOf(plan.id)).find((s) => s.ownerRole === "TECHNICAL_EVALUATOR")!;
    await prisma.milestone.update({ where: { id: evaluation.id }, data: { status: "DONE", completedOn: "2026-12-01" } });
    await addBuyerParticipant(tenant.repActor, deal.id, contact("TECHNICAL_EVALUATOR", "Tom Tester"));
    expect((await prisma.milestone.findUniqueOrThrow({ where: { id: evaluation.id } })).ownerParticipantId).toBeNull();
  });
});
