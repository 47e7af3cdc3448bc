// The scorecard's definitions, on plain rows (docs/scorecard.md): for one group of deals (a rep's,
// a team's, the organization's), what each figure counts. The SQL in
// app/models/scorecard-sql.server.ts counts the same, and tests hold the two equal.
import { addDays } from "./dates";
import { inWindow, type KpiWindow } from "./kpis";
import {
  addClosingDeal,
  addMeddpiccDeal,
  addStageOutcome,
  addStageTime,
  agingDeal,
  emptyScorecard,
  finishScorecard,
  isNextStep,
  isQualified,
  NEXT_STEP_DAYS,
  readableDaysBetween,
  type Scorecard,
} from "./scorecard";

export interface ScorecardDealRow {
  dealId: string;
  ownerId: string;
  accountName: string;
  name: string;
  outcome: "OPEN" | "WON" | "LOST";
  stage: number;
  amount: number;
  currency: string;
  targetCloseDate: string;
  closedOn: string | null;
  repCategory: string;
  planState: "DRAFT" | "SHARED" | "ACCEPTED" | null;
  archived: boolean;
  /** Null when the deal was never scored. */
  meddpiccTotal: number | null;
}

export interface StageChangeRow {
  dealId: string;
  /** Null: the deal opened. */
  fromStage: number | null;
  toStage: number;
  changedOn: string;
  daysInFromStage: number | null;
}

export interface CloseDateChangeRow {
  dealId: string;
  daysMoved: number;
  changedOn: string;
}

export interface NextStepMilestoneRow {
  dealId: string;
  /** The core rule (app/domain/completion.ts). */
  countsAsDone: boolean;
  /** A named participant owns it. */
  hasOwner: boolean;
  targetDate: string;
}

export interface ScorecardRows {
  deals: ScorecardDealRow[];
  stageChanges: StageChangeRow[];
  closeDateChanges: CloseDateChangeRow[];
  milestones: NextStepMilestoneRow[];
}

/** Archived deals leave every figure. */
function countedDeals(rows: ScorecardRows) {
  return new Map(rows.deals.filter((d) => !d.archived).map((d) => [d.dealId, d]));
}

function changesByDeal<T extends { dealId: string }>(changes: T[]) {
  const byDeal = new Map<string, T[]>();
  for (const c of changes) byDeal.set(c.dealId, [...(byDeal.get(c.dealId) ?? []), c]);
  return byDeal;
}

/** Stints in a stage that ended in the window: the group's average days in each stage. */
export function stageTimesOf(rows: ScorecardRows, window: KpiWindow): Scorecard {
  const deals = countedDeals(rows);
  const s = emptyScorecard();
  for (const c of rows.stageChanges) {
    if (!deals.has(c.dealId) || c.fromStage === null || c.daysInFromStage === null || !inWindow(c.changedOn, window)) continue;
    addStageTime(s, c.fromStage, 1, c.daysInFromStage);
  }
  return finishScorecard(s);
}

/**
 * Every figure of the scorecard for one group's rows. `usualDays` is the team's usual time in a
 * stage for the deal's owner (usualDaysInStage), which aging is measured against.
 */
export function scorecardOfRows(
  rows: ScorecardRows,
  window: KpiWindow,
  today: string,
  usualDays: (ownerId: string, stage: number) => number | null,
): Scorecard {
  const deals = countedDeals(rows);
  const s = stageTimesOf(rows, window);
  const stageChanges = changesByDeal(rows.stageChanges.filter((c) => deals.has(c.dealId)));

  for (const [dealId, changes] of stageChanges) {
    const deal = deals.get(dealId)!;
    const entered = new Set(changes.filter((c) => inWindow(c.changedOn, window)).map((c) => c.toStage));
    for (const stage of entered) addStageOutcome(s, stage, deal.outcome);
    if (deal.outcome === "WON" && deal.closedOn !== null && inWindow(deal.closedOn, window)) {
      const opened = changes.filter((c) => c.fromStage === null).map((c) => c.changedOn);
      const days = opened.length ? readableDaysBetween(opened.sort()[0], deal.closedOn) : null;
      if (days !== null) s.salesCycle.days.push(days);
    }
  }

  const milestones = changesByDeal(rows.milestones);
  const lastDay = addDays(today, NEXT_STEP_DAYS);
  for (const deal of deals.values()) {
    if (deal.outcome !== "OPEN") continue;
    addMeddpiccDeal(s, deal.meddpiccTotal, deal.currency, deal.amount);
    if (inWindow(deal.targetCloseDate, window)) {
      addClosingDeal(s, deal.currency, deal.repCategory === "COMMIT" ? deal.amount : 0, isQualified(deal.meddpiccTotal) ? deal.amount : 0);
    }
    const latestChange =
      (stageChanges.get(deal.dealId) ?? [])
        .map((c) => c.changedOn)
        .sort()
        .at(-1) ?? null;
    const aging = agingDeal(deal, latestChange, today, usualDays(deal.ownerId, deal.stage));
    if (aging) s.aging.push(aging);
    if (deal.planState === "SHARED" || deal.planState === "ACCEPTED") {
      s.nextStep.active++;
      if ((milestones.get(deal.dealId) ?? []).some((m) => isNextStep(m, today, lastDay))) s.nextStep.withNextStep++;
      else s.nextStep.without.push({ dealId: deal.dealId, ownerId: deal.ownerId, accountName: deal.accountName, name: deal.name });
    }
  }

  const pushed = rows.closeDateChanges.filter((c) => deals.has(c.dealId) && c.daysMoved > 0 && inWindow(c.changedOn, window));
  const pushedDeals = new Set(pushed.map((c) => c.dealId));
  s.pushes.pushes = pushed.length;
  s.pushes.daysPushed = pushed.reduce((sum, c) => sum + c.daysMoved, 0);
  s.pushes.dealsPushed = pushedDeals.size;
  s.pushes.openDealsPushed = [...pushedDeals].filter((id) => deals.get(id)!.outcome === "OPEN").length;
  return finishScorecard(s);
}
