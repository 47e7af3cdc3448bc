// A small history of weekly calls whose accuracy the tests count by hand: two teams, three reps, a
// manager of one team. The fiscal year starts in February: Q2 FY2027 is May–Jul 2026, Q3 Aug–Oct,
// Q4 Nov 2026–Jan 2027; "today" is 15 November 2026.
import { prisma } from "~/utils/db.server";
import { fiscalQuarterOf } from "~/domain/fiscal";
import { addDays } from "~/domain/dates";
import type { SellerActor } from "~/models/actor.server";
import { createOrganization } from "~/models/organization.server";
import { actorFor, addUser, uniqueSuffix } from "../fixtures/world";

export const NOW = new Date("2026-11-15T12:00:00Z");
export const Q2 = "2026-07-31";
export const Q3 = "2026-10-31";
export const LAST_TWO = { from: "2026-05-01", to: Q3 };
export const THIS_QUARTER = { from: "2026-11-01", to: "2027-01-31" };

export interface HandHistory {
  admin: SellerActor;
  manager: SellerActor;
  /** Ana and Ben in North (managed), Cy in South, by initial. */
  people: Record<"A" | "B" | "C", string>;
  teams: Record<"North" | "South", string>;
}

export async function buildHandHistory(): Promise<HandHistory> {
  const { organization, admin: adminUser } = await createOrganization({
    name: `Hand Count ${uniqueSuffix()}`,
    timezone: "UTC",
    fiscalYearStartMonth: 2,
    admin: { email: `admin-${uniqueSuffix()}@example.test`, name: "Hand Admin" },
  });
  const orgId = organization.id;
  const teams = {
    North: (await prisma.team.create({ data: { organizationId: orgId, name: "North" } })).id,
    South: (await prisma.team.create({ data: { organizationId: orgId, name: "South" } })).id,
  };
  const managerUser = await addUser(orgId, "MANAGER", teams.North);
  await prisma.teamManager.create({ data: { teamId: teams.North, userId: managerUser.id } });
  const people = {
    A: (await addUser(orgId, "REP", teams.North, "Ana")).id,
    B: (await addUser(orgId, "REP", teams.North, "Ben")).id,
    C: (await addUser(orgId, "REP", teams.South, "Cy")).id,
  };

  // Each deal: owner, outcome, closedOn, target close date, archived, then its calls [rep, derived].
  const history: Array<["A" | "B" | "C", string, string | null, string, boolean, Array<[string, string]>]> = [
    [
      "A",
      "WON",
      Q3,
      "2026-10-15",
      false,
      [
        ["COMMIT", "COMMIT"],
        ["COMMIT", "BEST_CASE"],
      ],
    ], // won on the quarter's last day
    [
      "A",
      "WON",
      "2026-11-01",
      "2026-10-20",
      false,
      [
        ["COMMIT", "PIPELINE"],
        ["BEST_CASE", "PIPELINE"],
      ],
    ], // won a day late
    ["A", "WON", "2026-05-20", "2026-06-30", false, [["BEST_CASE", "COMMIT"]]],
    [
      "B",
      "LOST",
      "2026-09-10",
      "2026-09-30",
      false,
      [
        ["COMMIT", "OMITTED"],
        ["COMMIT", "PIPELINE"],
      ],
    ],
    [
      "B",
      "OPEN",
      null,
      "2026-07-20",
      false,
      [
        ["COMMIT", "BEST_CASE"],
        ["PIPELINE", "PIPELINE"],
        ["CLOSED", "PIPELINE"],
      ],
    ], // its quarter ended while open; a rep's call of Closed is no forecast: left out on both sides
    [
      "C",
      "OPEN",
      null,
      "2026-12-15",
      false,
      [
        ["COMMIT", "COMMIT"],
        ["BEST_CASE", "COMMIT"],
        ["CLOSED", "COMMIT"],
      ],
    ], // this quarter, still open; the Closed call is not counted as still open either
    ["C", "WON", "2026-11-10", "2026-12-20", false, [["PIPELINE", "COMMIT"]]], // this quarter, already won
    ["C", "LOST", "2026-09-01", "2026-09-15", true, [["COMMIT", "COMMIT"]]], // archived: left out
  ];
  for (const [owner, outcome, closedOn, targetCloseDate, archived, calls] of history) {
    const deal = await prisma.deal.create({
      data: {
        organizationId: orgId,
        ownerId: people[owner],
        accountName: `Account ${uniqueSuffix()}`,
        name: "Deal",
        amount: 10_000,
        targetCloseDate,
        outcome,
        closedOn,
        archivedAt: archived ? NOW : null,
      },
    });
    const quarter = fiscalQuarterOf(targetCloseDate, 2);
    await prisma.forecastCall.createMany({
      data: calls.map(([repCategory, derivedCategory], i) => ({
        organizationId: orgId,
        dealId: deal.id,
        ownerId: people[owner],
        weekOf: addDays("2026-06-01", 7 * i),
        repCategory,
        derivedCategory,
        amount: 10_000,
        currency: "USD",
        targetCloseDate,
        quarterStart: quarter.start,
        quarterEnd: quarter.end,
      })),
    });
  }
  return { admin: await actorFor(adminUser.id), manager: await actorFor(managerUser.id), people, teams };
}
