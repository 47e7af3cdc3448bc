// The signals engine's input (a plain snapshot of one deal) and output (its derived figures, each
// with its reasons). docs/signals.md explains every figure and rule.
import type { AccessState, BuyingRole, CalendarDate, ForecastCategory, MilestoneStatus, OwnerSide, Outcome, Side } from "./types";

export type { CalendarDate, ForecastCategory };

export interface SnapshotMilestone {
  id: string;
  ownerSide: OwnerSide;
  originalTargetDate: CalendarDate;
  targetDate: CalendarDate;
  redateCount: number;
  status: MilestoneStatus;
  completedOn: CalendarDate | null;
  buyerConfirmed: boolean;
  gatesStage: number | null;
  internalOnly: boolean;
  /** Optional: names make reasons readable ("Security review is 9 days overdue"). */
  title?: string;
  /** Optional: who marked it done; a buyer's own mark needs no confirmation. Default: SELLER. */
  markedDoneBySide?: Side | null;
}

export interface DealSnapshot {
  deal: {
    amount: number;
    stage: number; // 1..6
    targetCloseDate: CalendarDate;
    repForecastCategory: ForecastCategory;
    outcome: Outcome;
    meddpiccTotal: number | null; // 0..16
  };
  org: { timezone: string; fiscalYearStartMonth: number /* 1..12 */ };
  plan: null | { status: "DRAFT" | "SHARED" | "ACCEPTED"; sharedOn: CalendarDate | null };
  milestones: SnapshotMilestone[];
  participants: Array<{ side: Side; role: BuyingRole | null; status: AccessState; lastActiveOn: CalendarDate | null }>;
  lastBuyerActivityOn: CalendarDate | null;
  /** Optional: the rep's reading of buying roles (docs/stakeholders.md); roles without one are suggested from the participants. */
  stakeholders?: Array<{ role: string; strength: string }>;
}

/** The status of a shared or accepted plan. */
export type PlanStatus = "ON_TRACK" | "AT_RISK" | "STALLED";

/** Ordered from worst to best: a label can only be lowered by a rule, never raised. */
export type HealthLabel = "STALLED" | "AT_RISK" | "HEALTHY";

/** Points taken off the health score of 100, and why. */
export interface HealthDeduction {
  points: number;
  reason: string;
}

export interface MilestoneSignal {
  id: string;
  originalTargetDate: CalendarDate;
  targetDate: CalendarDate;
  redateCount: number;
  /** Current minus original target date, when positive; else 0. */
  daysSlipped: number;
  /** Today minus target date while the step does not count as done; else 0. */
  daysOverdue: number;
  /** The core rule: buyer and joint steps count only when a buyer marked or confirmed them. */
  countsAsDone: boolean;
  buyerConfirmed: boolean;
  /** A seller marked a buyer or joint step done and no buyer has confirmed it yet. */
  awaitingBuyerConfirmation: boolean;
}

export interface DealSignals {
  milestones: MilestoneSignal[];
  /** null while there is no shared or accepted plan. */
  planStatus: PlanStatus | null;
  slippedCount: number;
  totalDaysSlipped: number;
  projectedCloseDate: CalendarDate | null;
  projectedAfterTarget: boolean;
  projectedOutsideQuarter: boolean;
  /** The fiscal quarter that contains the deal's target close date. */
  closeQuarter: { start: CalendarDate; end: CalendarDate; label: string };
  /** Seed rule: two or more slipped milestones means the deal will likely push to the next quarter. */
  likelyToPush: boolean;
  /** Days since the later of the last buyer action and the day the plan was shared; null without a shared plan. */
  daysWithoutBuyerActivity: number | null;
  activeBuyerCount: number;
  onTimeRate: number | null;
  health: {
    score: number;
    label: HealthLabel;
    /** The deductions' reasons, in order, then the notes. */
    reasons: string[];
    /** Every point taken off 100: the points add up to 100 minus the score. */
    deductions: HealthDeduction[];
    /** What costs no points but matters: steps awaiting the buyer, limits on the label. */
    notes: string[];
  };
  forecast: { derived: ForecastCategory; rep: ForecastCategory; overCalled: boolean; underCalled: boolean; reasons: string[] };
  stagePush: { pushed: boolean; missingMilestoneIds: string[]; reasons: string[] };
  planSizeWarning: "TOO_FEW" | "TOO_MANY" | null;
  /** Seed threshold: a deal at stage 4 or later needs a MEDDPICC of 12 (only where a score is recorded). */
  meddpiccBelowStageThreshold: boolean;
}
