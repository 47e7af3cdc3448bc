// The plan the editors share: one organization, one deal with a shared plan of fifteen steps, and
// a session per editor. Sessions come from the session functions, not the sign-in flow: sign-in is
// rate-limited per address, and every request after that is a real HTTP request.
import { prisma } from "~/utils/db.server";
import { startSession } from "~/utils/session.server";
import { addDays, organizationToday } from "~/domain/dates";

export const MILESTONES = 15;

export interface Fixture {
  organizationId: string;
  dealId: string;
  planId: string;
  sellerCookies: string[];
  buyerCookies: string[];
  /** Each milestone's version before the run: the audit counts every accepted write from there. */
  startVersions: Map<string, number>;
}

const cookieOf = (setCookie: string) => setCookie.split(";")[0];

export async function createFixture(sellers: number, buyers: number): Promise<Fixture> {
  const stamp = Date.now().toString(36);
  const org = await prisma.organization.create({ data: { name: `Load test ${stamp}`, timezone: "UTC" } });
  const organizationId = org.id;
  const owner = await prisma.user.create({ data: { organizationId, email: `owner-${stamp}@load.example`, name: "Olivia Owner", role: "REP" } });
  // The owner and admins of the organization: the sellers who may edit the deal.
  const admins = await Promise.all(
    Array.from({ length: Math.max(0, Math.min(sellers, 20) - 1) }, (_, i) =>
      prisma.user.create({ data: { organizationId, email: `admin${i}-${stamp}@load.example`, name: `Admin ${i + 1}`, role: "ADMIN" } }),
    ),
  );
  const today = organizationToday(org);
  const deal = await prisma.deal.create({
    data: { organizationId, ownerId: owner.id, accountName: "Load Buyer Co", name: "Load deal", amount: 120000, stage: 3, targetCloseDate: addDays(today, 60) },
  });
  const plan = await prisma.plan.create({
    data: {
      organizationId,
      dealId: deal.id,
      title: "Load Buyer Co: mutual action plan",
      status: "SHARED",
      sharedOn: addDays(today, -10),
      sharedAt: new Date(Date.now() - 10 * 86_400_000),
      summary: "A plan many people edit at once.",
    },
  });
  await prisma.participant.create({
    data: { organizationId, planId: plan.id, side: "SELLER", userId: owner.id, email: owner.email, name: owner.name, accessState: "ACTIVE" },
  });
  const buyerEmails = Array.from({ length: buyers }, (_, i) => `buyer${i}-${stamp}@loadbuyer.example`);
  await prisma.participant.createMany({
    data: buyerEmails.map((email, i) => ({
      organizationId,
      planId: plan.id,
      side: "BUYER",
      email,
      name: `Buyer ${i + 1}`,
      role: i === 0 ? "CHAMPION" : "OTHER",
      accessState: "ACTIVE",
    })),
  });
  for (let i = 0; i < MILESTONES; i++) {
    const target = addDays(today, i * 4);
    await prisma.milestone.create({
      data: {
        organizationId,
        planId: plan.id,
        title: `Step ${i + 1}`,
        output: "Signed evidence",
        ownerSide: ["SELLER", "BUYER", "JOINT"][i % 3],
        targetDate: target,
        originalTargetDate: target,
        position: i + 1,
      },
    });
  }
  const sellerUsers = [owner, ...admins];
  const sellerCookies = await Promise.all(
    Array.from({ length: sellers }, (_, i) =>
      startSession({
        kind: "SELLER",
        organizationId,
        userId: sellerUsers[i % sellerUsers.length].id,
        signIn: { email: sellerUsers[i % sellerUsers.length].email, via: "link" },
      }).then(cookieOf),
    ),
  );
  const buyerCookies = await Promise.all(
    buyerEmails.map((buyerEmail) => startSession({ kind: "BUYER", organizationId, buyerEmail, signIn: { email: buyerEmail, via: "link" } }).then(cookieOf)),
  );
  const milestones = await prisma.milestone.findMany({ where: { planId: plan.id }, select: { id: true, version: true } });
  return {
    organizationId,
    dealId: deal.id,
    planId: plan.id,
    sellerCookies,
    buyerCookies,
    startVersions: new Map(milestones.map((m) => [m.id, m.version])),
  };
}
