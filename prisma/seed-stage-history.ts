// Stage and close-date history for seeded deals, the rows the scorecard counts (docs/scorecard.md).
// Each deal opens on the day it was created at stage 1 or 2, moves up to its present stage on
// plausible days (a won deal reaches stage 6 on or before the day it closed), and some deals see
// their target close date pushed later, once or a few times, now and then pulled in. Used by the
// demo seed (seedStageHistories) and by seed:large (largeOrganizationScorecardRows, which also
// scores MEDDPICC).
import { randomBytes } from "node:crypto";
import type { Db } from "~/utils/db.server";
import { addDays, daysBetween, organizationToday } from "~/domain/dates";

export interface HistoryDeal {
  id: string;
  organizationId: string;
  ownerId: string;
  ownerName: string;
  stage: number;
  outcome: string;
  closedOn: string | null;
  targetCloseDate: string;
  /** The calendar day the deal was created. */
  createdOn: string;
}

type Random = () => number;

interface ChangedBy {
  organizationId: string;
  dealId: string;
  changedById: string;
  changedByName: string;
}

/** A small deterministic generator, so a seed gives the same histories every time. */
export function historyRandom(seed: number): Random {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const id = () => randomBytes(15).toString("base64url");

/** Noon UTC of the day, plus a minute per row so a deal's rows keep their order; never in the future. */
function momentOf(date: string, order: number, now: Date) {
  return new Date(Math.min(Date.parse(`${date}T12:00:00Z`) + order * 60_000, now.getTime() - 60_000 + order));
}

/** The days a deal moved through its stages, and its close-date moves, from opening to now or to its close. */
export function historyOf(deal: HistoryDeal, today: string, random: Random, now = new Date()) {
  const end = deal.closedOn ?? today;
  // A deal recorded as closed before it was created (possible in generated data) opened weeks before its close.
  const opened = deal.createdOn <= end ? deal.createdOn : addDays(end, -between(random, 20, 60));
  const span = daysBetween(opened, end);
  const first = Math.min(deal.stage, random() < 0.75 ? 1 : 2);
  const who: ChangedBy = { organizationId: deal.organizationId, dealId: deal.id, changedById: deal.ownerId, changedByName: deal.ownerName };
  const stageChanges = [
    {
      ...who,
      id: id(),
      fromStage: null as number | null,
      toStage: first,
      changedOn: opened,
      daysInFromStage: null as number | null,
      at: momentOf(opened, 0, now),
    },
  ];

  // Some deals skip a stage; the rest climb one at a time, on days spread over the deal's life.
  const path: number[] = [];
  for (let stage = first + 1; stage <= deal.stage; stage++) if (stage === deal.stage || random() > 0.15) path.push(stage);
  const days = path.map(() => between(random, 0, span)).sort((a, b) => a - b);
  // A won deal reached stage 6 on the day it closed, or a few days before.
  if (deal.outcome === "WON" && path.at(-1) === 6) days[days.length - 1] = Math.max(days.at(-2) ?? 0, span - between(random, 0, 3));
  let from = first;
  let enteredOn = opened;
  path.forEach((stage, index) => {
    const changedOn = addDays(opened, days[index]);
    stageChanges.push({
      ...who,
      id: id(),
      fromStage: from,
      toStage: stage,
      changedOn,
      daysInFromStage: daysBetween(enteredOn, changedOn),
      at: momentOf(changedOn, index + 1, now),
    });
    from = stage;
    enteredOn = changedOn;
  });
  return { stageChanges, closeDateChanges: closeDateMoves(deal, opened, span, random, who, now) };
}

/** Close-date moves that end at the deal's present target close date: mostly pushes, now and then a pull-in. */
function closeDateMoves(deal: HistoryDeal, opened: string, span: number, random: Random, who: ChangedBy, now: Date) {
  if (span < 2 || random() > 0.4) return [];
  const count = between(random, 1, 3);
  const days = Array.from({ length: count }, () => between(random, 1, span)).sort((a, b) => a - b);
  const moves = [];
  let toDate = deal.targetCloseDate;
  for (let index = count - 1; index >= 0; index--) {
    const daysMoved = random() < 0.12 ? -between(random, 3, 10) : between(random, 5, 35);
    const fromDate = addDays(toDate, -daysMoved);
    const changedOn = addDays(opened, days[index]);
    moves.push({ ...who, id: id(), fromDate, toDate, daysMoved, changedOn, at: momentOf(changedOn, 10 + index, now) });
    toDate = fromDate;
  }
  return moves.reverse();
}

/** Histories for every deal of the organizations that has none yet: the demo seed's deals are written directly. */
export async function seedStageHistories(prisma: Db, organizationIds: string[]) {
  const organizations = await prisma.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, timezone: true } });
  for (const org of organizations) {
    const deals = await prisma.deal.findMany({
      where: { organizationId: org.id, stageChanges: { none: {} } },
      include: { owner: { select: { name: true } } },
      orderBy: [{ createdAt: "asc" }, { accountName: "asc" }],
    });
    const random = historyRandom(deals.length * 7919 + 11);
    const today = organizationToday(org);
    for (const deal of deals) {
      const facts = { ...deal, ownerName: deal.owner.name, createdOn: organizationToday(org, deal.createdAt) };
      const { stageChanges, closeDateChanges } = historyOf(facts, today, random);
      await prisma.dealStageChange.createMany({ data: stageChanges });
      await prisma.dealCloseDateChange.createMany({ data: closeDateChanges });
    }
  }
}

const MEDDPICC_LETTERS = ["metrics", "economicBuyer", "decisionCriteria", "decisionProcess", "paperProcess", "identifyPain", "champion", "competition"];

/** Most deals get scored, better the further they are: each letter 0, 1 or 2, leaning up with the stage. */
function meddpiccOf(deal: Pick<HistoryDeal, "id" | "organizationId" | "ownerId" | "stage">, random: Random, now: Date) {
  if (random() < 0.2) return null;
  const letters = Object.fromEntries(MEDDPICC_LETTERS.map((key) => [key, Math.min(2, Math.floor(random() * 1.6 + deal.stage / 4))]));
  return { id: id(), organizationId: deal.organizationId, dealId: deal.id, ...letters, updatedById: deal.ownerId, updatedAt: now };
}

/**
 * seed:large's stage histories, close-date moves and MEDDPICC scores, written after its deals
 * through its own batched inserts. Deals are read back in a fixed order, so one --seed gives the
 * same figures.
 */
export async function largeOrganizationScorecardRows(
  prisma: Db,
  organizationId: string,
  seed: number,
  write: (batches: Array<[table: string, rows: object[]]>) => Promise<void>,
) {
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { timezone: true } });
  const today = organizationToday(org);
  const owners = new Map((await prisma.user.findMany({ where: { organizationId }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const deals = await prisma.deal.findMany({
    where: { organizationId },
    select: { id: true, organizationId: true, ownerId: true, stage: true, outcome: true, closedOn: true, targetCloseDate: true, createdAt: true },
    orderBy: { accountName: "asc" },
  });
  const random = historyRandom(seed * 31 + 5);
  const now = new Date();
  for (let from = 0; from < deals.length; from += 2000) {
    const stageRows: object[] = [];
    const closeRows: object[] = [];
    const scoreRows: object[] = [];
    for (const deal of deals.slice(from, from + 2000)) {
      const facts = { ...deal, ownerName: owners.get(deal.ownerId) ?? "", createdOn: organizationToday(org, deal.createdAt) };
      const { stageChanges, closeDateChanges } = historyOf(facts, today, random, now);
      stageRows.push(...stageChanges);
      closeRows.push(...closeDateChanges);
      const score = meddpiccOf(deal, random, now);
      if (score) scoreRows.push(score);
    }
    await write([
      ["DealStageChange", stageRows],
      ["DealCloseDateChange", closeRows],
      ["MeddpiccScore", scoreRows],
    ]);
  }
}
