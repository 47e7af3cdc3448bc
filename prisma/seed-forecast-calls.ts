// Forecast-call history for the seeds (docs/forecast-accuracy.md): weekly calls, the rep's and the
// plan's, over the last fiscal quarters, for deals that have since closed and for deals still open.
// The plan-derived call is made right more often than the rep's, as it is in practice, so the
// forecast-accuracy page has something true to say. The signal cache refresh records the current
// week's calls itself; history stops before this week.
import { createId } from "@paralleldrive/cuid2";
import { addDays, daysBetween } from "~/domain/dates";
import { fiscalQuarterOf, type FiscalQuarter } from "~/domain/fiscal";
import { wonByQuarterEnd } from "~/domain/forecast-accuracy";
import { weekStart } from "~/domain/kpis";
import type { ForecastCategory } from "~/domain/types";
import { seedDeal, type SeedOrg, type SeedUser } from "./seed-kit";

type Row = Record<string, unknown>;

interface CallDeal {
  id: string;
  organizationId: string;
  ownerId: string;
  amount: number;
  currency: string;
  targetCloseDate: string;
}

/** The calls of one deal, one per week (its Monday), for the quarter holding its target close date. */
function callRows(deal: CallDeal, weeks: Array<[weekOf: string, rep: ForecastCategory, derived: ForecastCategory]>, fiscalYearStartMonth: number, now: Date) {
  const quarter = fiscalQuarterOf(deal.targetCloseDate, fiscalYearStartMonth);
  return weeks.map(([weekOf, repCategory, derivedCategory]) => ({
    id: `${deal.id}-${weekOf}`,
    organizationId: deal.organizationId,
    dealId: deal.id,
    ownerId: deal.ownerId,
    weekOf,
    repCategory,
    derivedCategory,
    amount: deal.amount,
    currency: deal.currency,
    targetCloseDate: deal.targetCloseDate,
    quarterStart: quarter.start,
    quarterEnd: quarter.end,
    updatedAt: now,
  }));
}

/** The Mondays of the weeks a deal was open before `until` (exclusive), oldest first. */
function openWeeks(openedOn: string, until: string): string[] {
  const weeks: string[] = [];
  for (let monday = weekStart(openedOn); monday < until; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
}

// ---------------------------------------------------------------------------------------------
// seed:large

interface Random {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
}

/**
 * How each side calls a deal, given whether it will be won within its quarter. The plan reads the
 * buyer's actual progress, so its Commit is right about four times in five; the rep's hopes make
 * theirs right a little more than half the time.
 */
type Odds = Partial<Record<ForecastCategory, number>>;

const CALLING: Record<"rep" | "derived", Record<"won" | "notWon", Odds>> = {
  derived: { won: { COMMIT: 0.6, BEST_CASE: 0.25, PIPELINE: 0.15 }, notWon: { COMMIT: 0.1, BEST_CASE: 0.2, PIPELINE: 0.5, OMITTED: 0.2 } },
  rep: { won: { COMMIT: 0.55, BEST_CASE: 0.3, PIPELINE: 0.15 }, notWon: { COMMIT: 0.35, BEST_CASE: 0.3, PIPELINE: 0.3, OMITTED: 0.05 } },
};

function drawCategory(rnd: Random, odds: Odds): ForecastCategory {
  const table = Object.entries(odds) as Array<[ForecastCategory, number]>;
  let roll = rnd.next();
  for (const [category, p] of table) {
    roll -= p;
    if (roll < 0) return category;
  }
  return table[table.length - 1][0];
}

/** A deal's weekly calls: each side keeps last week's call most weeks, and otherwise calls it again. */
function weeklyCalls(rnd: Random, weeks: string[], willWin: boolean) {
  const outcome = willWin ? "won" : "notWon";
  let rep = drawCategory(rnd, CALLING.rep[outcome]);
  let derived = drawCategory(rnd, CALLING.derived[outcome]);
  return weeks.map((week): [string, ForecastCategory, ForecastCategory] => {
    if (rnd.chance(0.3)) rep = drawCategory(rnd, CALLING.rep[outcome]);
    if (rnd.chance(0.3)) derived = drawCategory(rnd, CALLING.derived[outcome]);
    return [week, rep, derived];
  });
}

export interface LargeHistoryInput {
  prisma: import("~/utils/db.server").Db;
  organizationId: string;
  today: string;
  reps: Array<{ id: string; name: string }>;
  /** The organization's open deals so far: a twentieth of that closed in each ended quarter. */
  deals: number;
  rnd: Random;
  write: (batches: Array<[table: string, rows: object[]]>) => Promise<void>;
}

/** Deals won and lost in the last three ended quarters, so that those quarters' calls are settled. */
function closedHistory(input: LargeHistoryInput, quarters: FiscalQuarter[]) {
  const { rnd, reps, organizationId, today } = input;
  const deals: Row[] = [];
  const activities: Row[] = [];
  let n = 0;
  for (const quarter of quarters) {
    for (let i = 0; i < Math.max(4, Math.round(input.deals / 20)); i++, n++) {
      const rep = reps[n % reps.length];
      const targetCloseDate = addDays(quarter.start, rnd.int(20, daysBetween(quarter.start, quarter.end)));
      const roll = rnd.next();
      // Won by the quarter's end, lost, or won only after the quarter it was called for.
      const outcome = roll < 0.45 ? "WON" : roll < 0.8 ? "LOST" : "WON";
      const closing = roll < 0.8 ? addDays(targetCloseDate, -rnd.int(0, 15)) : addDays(quarter.end, rnd.int(3, 30));
      const closedOn = closing < today ? closing : addDays(today, -1);
      const openedOn = addDays(closedOn, -rnd.int(35, 90));
      const id = createId();
      const account = `Earlier Account ${n + 1}`;
      deals.push({
        id,
        organizationId,
        ownerId: rep.id,
        accountName: account,
        name: `${account} renewal`,
        amount: rnd.int(5, 250) * 1000,
        currency: "USD",
        stage: outcome === "WON" ? 6 : rnd.int(2, 5),
        targetCloseDate,
        repForecastCategory: outcome === "WON" ? "CLOSED" : "OMITTED",
        outcome,
        closedOn,
        createdAt: new Date(`${openedOn}T14:00:00Z`),
      });
      const seller = { organizationId, dealId: id, actorSide: "SELLER", actorUserId: rep.id, actorName: rep.name, entityType: "DEAL", entityId: id };
      activities.push(
        { ...seller, id: `${id}-created`, action: "deal.created", after: JSON.stringify({ accountName: account }), at: new Date(`${openedOn}T14:00:00Z`) },
        {
          ...seller,
          id: `${id}-closed`,
          action: "deal.updated",
          before: JSON.stringify({ outcome: "OPEN", closedOn: null }),
          after: JSON.stringify({ outcome, closedOn }),
          internalOnly: true,
          at: new Date(`${closedOn}T16:00:00Z`),
        },
      );
    }
  }
  return { deals, activities };
}

/**
 * seed:large's history: closed deals for the last three ended quarters, then weekly calls for every
 * deal of the organization, the new ones and those seed:large made, up to last week.
 */
export async function seedLargeForecastHistory(input: LargeHistoryInput) {
  const { prisma, organizationId, today, rnd } = input;
  const { fiscalYearStartMonth } = await prisma.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const quarters: FiscalQuarter[] = [];
  for (let q = fiscalQuarterOf(today, fiscalYearStartMonth); quarters.length < 3;)
    quarters.push((q = fiscalQuarterOf(addDays(q.start, -1), fiscalYearStartMonth)));
  const history = closedHistory(input, quarters);
  await input.write([
    ["Deal", history.deals],
    ["Activity", history.activities],
  ]);

  const thisWeek = weekStart(today);
  const deals = await prisma.deal.findMany({ where: { organizationId, archivedAt: null } });
  const calls: Row[] = [];
  const now = new Date();
  for (const deal of deals) {
    const openedOn = deal.createdAt.toISOString().slice(0, 10);
    const until = deal.closedOn && deal.closedOn < thisWeek ? deal.closedOn : thisWeek;
    const quarterEnd = fiscalQuarterOf(deal.targetCloseDate, fiscalYearStartMonth).end;
    // An open deal's quarter still running has no answer yet; guess, as its calls are not judged.
    const willWin =
      deal.outcome === "OPEN" && quarterEnd >= today
        ? rnd.chance(0.4)
        : wonByQuarterEnd({ dealOutcome: deal.outcome as "WON", dealClosedOn: deal.closedOn, quarterEnd });
    calls.push(...callRows(deal, weeklyCalls(rnd, openWeeks(openedOn, until), willWin), fiscalYearStartMonth, now));
    if (calls.length >= 5000) await input.write([["ForecastCall", calls.splice(0)]]);
  }
  await input.write([["ForecastCall", calls]]);
  return { closedDeals: history.deals.length };
}

// ---------------------------------------------------------------------------------------------
// The demo

const CALL_LETTERS: Record<string, ForecastCategory> = { C: "COMMIT", B: "BEST_CASE", P: "PIPELINE", O: "OMITTED" };

interface DemoHistoryDeal {
  owner: "riley" | "sam";
  accountName: string;
  amount: number;
  /** 1: the last quarter that ended, 2: the one before. */
  quartersAgo: 1 | 2;
  /** Day of that quarter the rep expected to close it. */
  closeDay: number;
  /** WON_LATE: won, but only twelve days after the quarter it was called for. */
  result: "WON" | "LOST" | "WON_LATE";
  /** The weekly calls before it closed, oldest first: C Commit, B Best Case, P Pipeline, O Omitted. */
  rep: string;
  plan: string;
}

/**
 * Eleven deals of the two quarters before this one. Over both quarters the plan's Commit was right
 * 26 times of 32 (81%), the rep's 23 of 40 (57%).
 */
export const DEMO_HISTORY: DemoHistoryDeal[] = [
  { owner: "riley", accountName: "Hooli", amount: 120000, quartersAgo: 2, closeDay: 50, result: "WON", rep: "BBCCCC", plan: "PBBCCC" },
  { owner: "riley", accountName: "Cyberdyne Systems", amount: 64000, quartersAgo: 2, closeDay: 62, result: "LOST", rep: "BBCCCC", plan: "PBCCPO" },
  { owner: "sam", accountName: "Oscorp", amount: 88000, quartersAgo: 2, closeDay: 80, result: "WON_LATE", rep: "BBBCCC", plan: "PBBPPP" },
  { owner: "sam", accountName: "Acme Corp", amount: 45000, quartersAgo: 2, closeDay: 44, result: "WON", rep: "PPBBCC", plan: "BBCCCC" },
  { owner: "riley", accountName: "Monarch Solutions", amount: 58000, quartersAgo: 2, closeDay: 70, result: "WON", rep: "CCCCCC", plan: "BCCCCC" },
  { owner: "riley", accountName: "Duff Brewing", amount: 30000, quartersAgo: 1, closeDay: 40, result: "WON", rep: "CCCCCC", plan: "BCCCCC" },
  { owner: "riley", accountName: "Virtucon", amount: 150000, quartersAgo: 1, closeDay: 75, result: "LOST", rep: "CCCCCC", plan: "BCCPOO" },
  { owner: "sam", accountName: "Nakatomi Trading", amount: 72000, quartersAgo: 1, closeDay: 55, result: "WON", rep: "BBBBCC", plan: "BCCCCC" },
  { owner: "sam", accountName: "Sterling Cooper", amount: 54000, quartersAgo: 1, closeDay: 66, result: "LOST", rep: "BBCCCC", plan: "PPBCCO" },
  { owner: "riley", accountName: "Dunder Mifflin", amount: 26000, quartersAgo: 1, closeDay: 48, result: "WON", rep: "PBBCCC", plan: "BBCCCC" },
  { owner: "sam", accountName: "Bluth Company", amount: 40000, quartersAgo: 1, closeDay: 82, result: "LOST", rep: "PPPPPP", plan: "PPPOOO" },
];

/** The demo's earlier quarters: deals that closed then, each with the weekly calls made before it closed. */
export async function seedDemoForecastHistory(org: SeedOrg, owners: { riley: SeedUser; sam: SeedUser }) {
  const { prisma } = await import("~/utils/db.server");
  const lastEnded = fiscalQuarterOf(addDays(fiscalQuarterOf(org.today, org.fiscalYearStartMonth).start, -1), org.fiscalYearStartMonth);
  const quarterAgo = { 1: lastEnded, 2: fiscalQuarterOf(addDays(lastEnded.start, -1), org.fiscalYearStartMonth) };
  const now = new Date();
  for (const spec of DEMO_HISTORY) {
    const quarter = quarterAgo[spec.quartersAgo];
    const targetCloseDate = addDays(quarter.start, Math.min(spec.closeDay, daysBetween(quarter.start, quarter.end)));
    const closedOn = spec.result === "WON_LATE" ? addDays(quarter.end, 12) : targetCloseDate;
    // A deal won late was last called before its quarter ended.
    const lastOpenDay = spec.result === "WON_LATE" ? quarter.end : addDays(closedOn, -1);
    const weeks = spec.rep.split("").map((_, i) => addDays(weekStart(lastOpenDay), -7 * (spec.rep.length - 1 - i)));
    const offset = (date: string) => daysBetween(org.today, date);
    const dealId = await seedDeal(
      org,
      {
        owner: owners[spec.owner],
        accountName: spec.accountName,
        domain: `${spec.accountName.toLowerCase().replace(/[^a-z]/g, "")}.example`,
        name: "Platform rollout",
        amount: spec.amount,
        stage: spec.result === "LOST" ? 4 : 5,
        targetCloseDate,
        repForecastCategory: CALL_LETTERS[spec.rep.at(-1)!],
        created: offset(weeks[0]),
      },
      (d) => d.close(spec.result === "LOST" ? "LOST" : "WON", [offset(closedOn), 16]),
    );
    const deal = { id: dealId, organizationId: org.id, ownerId: owners[spec.owner].id, amount: spec.amount, currency: "USD", targetCloseDate };
    const calls = weeks.map((week, i): [string, ForecastCategory, ForecastCategory] => [week, CALL_LETTERS[spec.rep[i]], CALL_LETTERS[spec.plan[i]]]);
    await prisma.forecastCall.createMany({ data: callRows(deal, calls, org.fiscalYearStartMonth, now) });
  }
}
