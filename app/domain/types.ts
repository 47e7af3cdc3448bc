// The vocabulary shared by the database, the forms and the derived figures.
// SQLite has no enums, so these lists are the single definition; Zod schemas are built from them.

export type CalendarDate = string; // 'YYYY-MM-DD'

export const ROLES = ["REP", "MANAGER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const STAGES = [
  { number: 1, name: "Signal & targeting" },
  { number: 2, name: "Discovery" },
  { number: 3, name: "Qualification & multi-thread" },
  { number: 4, name: "Solution validation" },
  { number: 5, name: "Commercial & legal" },
  { number: 6, name: "Close & handoff" },
] as const;

export function stageName(stage: number): string {
  return STAGES.find((s) => s.number === stage)?.name ?? `Stage ${stage}`;
}

export const FORECAST_CATEGORIES = ["OMITTED", "PIPELINE", "BEST_CASE", "COMMIT", "CLOSED"] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];
export const FORECAST_LABELS: Record<ForecastCategory, string> = {
  OMITTED: "Omitted",
  PIPELINE: "Pipeline",
  BEST_CASE: "Best Case",
  COMMIT: "Commit",
  CLOSED: "Closed",
};

export const OUTCOMES = ["OPEN", "WON", "LOST"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = { OPEN: "Open", WON: "Won", LOST: "Lost" };

export const PLAN_STATUSES = ["DRAFT", "SHARED", "ACCEPTED"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  DRAFT: "Draft",
  SHARED: "Shared",
  ACCEPTED: "Accepted",
};

export const SIDES = ["BUYER", "SELLER"] as const;
export type Side = (typeof SIDES)[number];

export const OWNER_SIDES = ["BUYER", "SELLER", "JOINT"] as const;
export type OwnerSide = (typeof OWNER_SIDES)[number];
export const OWNER_SIDE_LABELS: Record<OwnerSide, string> = {
  BUYER: "Buyer",
  SELLER: "Seller",
  JOINT: "Joint",
};

export const MILESTONE_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "DONE", "BLOCKED"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  BLOCKED: "Blocked",
};

export const BUYING_ROLES = [
  "ECONOMIC_BUYER",
  "CHAMPION",
  "TECHNICAL_EVALUATOR",
  "USER_CHAMPION",
  "PROCUREMENT",
  "EXECUTIVE_SPONSOR",
  "LEGAL",
  "OTHER",
] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];
export const BUYING_ROLE_LABELS: Record<BuyingRole, string> = {
  ECONOMIC_BUYER: "Economic buyer",
  CHAMPION: "Champion",
  TECHNICAL_EVALUATOR: "Technical evaluator",
  USER_CHAMPION: "User champion",
  PROCUREMENT: "Procurement",
  EXECUTIVE_SPONSOR: "Executive sponsor",
  LEGAL: "Legal",
  OTHER: "Other",
};

export const ACCESS_STATES = ["INVITED", "ACTIVE", "REVOKED"] as const;
export type AccessState = (typeof ACCESS_STATES)[number];

export const CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "JPY", "SEK"] as const;
