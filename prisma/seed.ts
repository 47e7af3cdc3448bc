// The demo: "Northwind Software", a sales team with twelve deals that between them show every
// state the product knows (see seed-deals.ts for the stories), and "Globex Corp", a second tenant
// whose data Northwind must never see. Dates are relative to each organization's today, so the
// demo never goes stale.
//
// npm run db:seed migrates the database, then seeds it unless it already has an organization.
// prepare-dev.ts (npm run dev) calls seedDemo() itself on a new database.
import { prepareDatabase, runCommand } from "./command";

export const DEMO_ORGANIZATION_NAME = "Northwind Software";

export async function seedDemo(): Promise<{ organizationName: string }> {
  // Loaded here, not at the top: when this file runs directly, the database must be migrated
  // before the app's client is created.
  const { prisma } = await import("~/utils/db.server");
  const { createOrganization } = await import("~/models/organization.server");
  const { seedOrg } = await import("./seed-kit");
  const { seedNorthwindDeals, seedGlobexDeal } = await import("./seed-deals");

  const { organization, admin } = await createOrganization({
    name: DEMO_ORGANIZATION_NAME,
    timezone: "America/New_York",
    fiscalYearStartMonth: 2,
    allowedBuyerDomains: "",
    admin: { email: "admin@mutual.test", name: "Ada Admin" },
  });
  const northwind = seedOrg(organization);
  // The team has been around for a while; only the demo's deals are recent.
  const joined = northwind.at(-120, 9);
  await prisma.user.update({ where: { id: admin.id }, data: { createdAt: joined } });
  const team = await prisma.team.create({ data: { organizationId: organization.id, name: "Enterprise East", createdAt: joined } });
  const member = (email: string, name: string, role: "MANAGER" | "REP") =>
    prisma.user.create({ data: { organizationId: organization.id, teamId: team.id, email, name, role, createdAt: joined } });
  const morgan = await member("manager@mutual.test", "Morgan Manager", "MANAGER");
  await prisma.teamManager.create({ data: { teamId: team.id, userId: morgan.id } });
  const riley = await member("rep@mutual.test", "Riley Rep", "REP");
  const sam = await member("rep2@mutual.test", "Sam Seller", "REP");
  await seedNorthwindDeals(northwind, { riley, sam });
  await (await import("./seed-forecast-calls")).seedDemoForecastHistory(northwind, { riley, sam });
  await (await import("./seed-stakeholders")).seedStakeholders(northwind, morgan);
  await (await import("./seed-webhooks")).seedWebhooks(northwind);

  const globex = await createOrganization({
    name: "Globex Corp",
    timezone: "Pacific/Auckland",
    admin: { email: "admin@globex.test", name: "Gil Globex" },
  });
  await seedGlobexDeal(seedOrg(globex.organization), globex.admin);
  await (await import("./seed-stage-history")).seedStageHistories(prisma, [organization.id, globex.organization.id]);

  return { organizationName: organization.name };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runCommand(async () => {
    await prepareDatabase();
    const { prisma } = await import("~/utils/db.server");
    const { describeDatabase } = await import("./database-url");
    const existing = await prisma.organization.findFirst({ select: { name: true } });
    if (existing) {
      console.log(
        `${describeDatabase()} already has an organization ("${existing.name}"), so the demo was not seeded.\n` +
          "Run `npm run db:reset` for a fresh demo database.",
      );
    } else {
      const { organizationName } = await seedDemo();
      console.log(await seedSummary(organizationName));
    }
    await prisma.$disconnect();
  });
}

async function seedSummary(organizationName: string): Promise<string> {
  const { prisma } = await import("~/utils/db.server");
  const { describeDatabase } = await import("./database-url");
  const organizationId = (await prisma.organization.findFirstOrThrow({ where: { name: organizationName } })).id;
  const scope = { where: { organizationId } };
  const [deals, plans, milestones, participants, activities] = await Promise.all([
    prisma.deal.count(scope),
    prisma.plan.count(scope),
    prisma.milestone.count(scope),
    prisma.participant.count(scope),
    prisma.activity.count(scope),
  ]);
  return (
    `Seeded "${organizationName}" into ${describeDatabase()}: ${deals} deals, ${plans} plans, ${milestones} milestones, ` +
    `${participants} participants, ${activities} activity rows; plus "Globex Corp" as a second tenant.\n` +
    "Sign in as rep@mutual.test (Riley), rep2@mutual.test (Sam), manager@mutual.test or admin@mutual.test."
  );
}
