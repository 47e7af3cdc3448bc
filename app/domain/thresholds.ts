// Every threshold and weight the signals engine uses, in one place; docs/signals.md section 11
// lists them with what each one does.
import { MEDDPICC_COMMIT, MEDDPICC_STAGE_4 } from "./meddpicc";

export const THRESHOLDS = {
  atRiskOverdueDays: 1,
  stalledOverdueDays: 7,
  stalledSilenceDays: 14,
  omittedSilenceDays: 30,
  commitMeddpicc: MEDDPICC_COMMIT,
  stage4Meddpicc: MEDDPICC_STAGE_4,
  maxSlippedForCommit: 1,
  minActiveBuyers: 3,
  healthyActiveBuyers: 6,
  silentSlipOnTimeRate: 0.7,
  atRiskScore: 60,
  planTooFew: 6,
  planTooMany: 20,
} as const;

/** The health score weights, in points taken off 100. */
export const HEALTH_POINTS = {
  noPlan: 30,
  draftPlan: 20,
  onTimeMax: 30,
  overdueStepBase: 3,
  overdueStepMax: 10,
  overdueStepsMax: 25,
  perSlip: 4,
  slipsMax: 12,
  silenceWeek: 7,
  silenceStalled: 15,
  noActiveBuyer: 15,
  fewActiveBuyers: 10,
  someActiveBuyers: 3,
  economicBuyer: 8,
  champion: 7,
  notAccepted: 5,
  meddpiccBelowStage: 5,
  closeDatePassed: 10,
  closeDateTight: 5,
  projectedLate: 5,
  projectedNextQuarter: 10,
  stakeholderHighRisk: 10,
} as const;

/** The stakeholder map (docs/stakeholders.md): when a role's holder reads strong, and when a deal is high-risk (stakeholderHighRisk above). */
export const STAKEHOLDER_RULES = {
  /** A buyer seen within this many days is a strong contact; seen longer ago, lukewarm. */
  recentDays: 14,
  /** High risk needs an amount above this… */
  highRiskAmount: 40_000,
  /** …this many weak or unknown roles or more… */
  highRiskWeakCells: 3,
  /** …and a stage below this one. */
  highRiskBeforeStage: 4,
} as const;

/**
 * Buyer engagement (docs/notifications.md, "Buyer engagement"): when page views make a new visit,
 * and when the last two weeks of buyer visits and changes count as rising or falling against the
 * two weeks before.
 */
export const ENGAGEMENT = {
  /** A view more than this long after the buyer's previous view starts a new visit. */
  newVisitAfterMinutes: 30,
  /** Each of the two windows compared, in the organization's calendar days. */
  windowDays: 14,
  /** Rising or falling needs the busier window ahead by at least this many visits and changes… */
  minDifference: 3,
  /** …and at least this many times the quieter window. */
  minRatio: 1.5,
} as const;
