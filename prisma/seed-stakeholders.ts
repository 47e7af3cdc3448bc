// The demo's stakeholder maps and review notes: the rep's readings on a few Northwind deals (one of
// them high-risk: Brightwater, 42,000 at stage 3 with four roles weak or unknown) and a note from
// an earlier weekly review. Roles without a reading stay suggested from engagement.
import { weekStart } from "~/domain/kpis";
import type { StakeholderRole, Strength } from "~/domain/stakeholders";
import type { SeedOrg, SeedUser } from "./seed-kit";

type Reading = [StakeholderRole, Strength, holderRole?: string];

const READINGS: Record<string, Reading[]> = {
  // High risk: the champion is strong, but finance is lukewarm and IT only weakly engaged.
  "Brightwater Foods Ltd": [
    ["CHAMPION", "STRONG", "CHAMPION"],
    ["ECONOMIC_BUYER", "LUKEWARM", "ECONOMIC_BUYER"],
    ["TECHNICAL_EVALUATOR", "WEAK", "TECHNICAL_EVALUATOR"],
    ["PROCUREMENT", "UNKNOWN"],
  ],
  "Umbrella Health": [
    ["ECONOMIC_BUYER", "STRONG", "ECONOMIC_BUYER"],
    ["CHAMPION", "STRONG", "CHAMPION"],
    ["EXECUTIVE_SPONSOR", "LUKEWARM"],
    ["PROCUREMENT", "LUKEWARM"],
  ],
  Initech: [["PROCUREMENT", "WEAK"]],
};

export async function seedStakeholders(org: SeedOrg, reviewer: SeedUser) {
  const { prisma } = await import("~/utils/db.server");
  const { refreshDealSignals } = await import("~/models/signals.server");
  for (const [accountName, readings] of Object.entries(READINGS)) {
    const deal = await prisma.deal.findFirstOrThrow({
      where: { organizationId: org.id, accountName },
      select: { id: true, ownerId: true, plan: { select: { participants: { where: { side: "BUYER" }, select: { id: true, role: true } } } } },
    });
    const holderOf = (role?: string) => deal.plan?.participants.find((p) => p.role === role)?.id ?? null;
    for (const [role, strength, holderRole] of readings) {
      await prisma.stakeholderRole.create({
        data: { organizationId: org.id, dealId: deal.id, role, strength, participantId: holderOf(holderRole), updatedById: deal.ownerId },
      });
    }
    await refreshDealSignals(org.id, deal.id);
  }
  const kessler = await prisma.deal.findFirstOrThrow({ where: { organizationId: org.id, accountName: "Kessler Maschinenbau GmbH" }, select: { id: true } });
  await prisma.dealReviewNote.create({
    data: {
      organizationId: org.id,
      dealId: kessler.id,
      weekOf: weekStart(org.day(-14)),
      authorId: reviewer.id,
      authorName: reviewer.name,
      body: "Klaus has gone quiet since the business case. Sam to ask him for an introduction to the CFO before re-planning the evaluation.",
      createdAt: org.at(-14, 15),
    },
  });
}
