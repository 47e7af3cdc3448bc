// The weekly digest's sentences, one line per deal: "Acme: the buyer moved “Security review” from
// 18 Dec to 8 Jan 2027; projected close now after Q4 FY2026". Dates drop the year when it is the
// digest's own; steps are named by title; people by name; never an id or a stored value.
import { FORECAST_RANK } from "./forecast";
import { HEALTH_LABEL_RANK } from "./health";
import type { HealthLabel } from "./signal-types";
import { FORECAST_LABELS, type CalendarDate, type ForecastCategory, type OwnerSide } from "./types";

export interface WeekFigures {
  healthLabel: HealthLabel;
  derivedCategory: ForecastCategory;
  projectedOutsideQuarter: boolean;
}

/** A step moved to a later date; a step moved several times in the week is one slip, first date to last. */
export interface StepSlip {
  milestoneId: string;
  title: string;
  from: CalendarDate;
  to: CalendarDate;
  bySide: string;
  byName: string;
}

export interface StepDue {
  title: string;
  date: CalendarDate;
  ownerSide: OwnerSide;
}

/** One buyer's week: how often they did each kind of thing (history actions). */
export interface BuyerWeek {
  name: string;
  actions: Record<string, number>;
}

export interface DealWeek {
  dealId: string;
  accountName: string;
  /** The owner's name, shown when the reader is not the owner (a manager's digest). */
  ownerName: string | null;
  /** The fiscal quarter of the target close date: "Q4 FY2026". */
  closeQuarter: string;
  /** The plan is shared or accepted: the buyer can act on it. */
  planShared: boolean;
  now: WeekFigures | null;
  lastWeek: WeekFigures | null;
  slips: StepSlip[];
  due: StepDue[];
  buyers: BuyerWeek[];
}

export const LABEL_WORDS: Record<HealthLabel, string> = { HEALTHY: "healthy", AT_RISK: "at risk", STALLED: "stalled" };
const SIDE_WORDS: Record<OwnerSide, string> = { BUYER: "buyer", SELLER: "seller", JOINT: "joint" };

const DAY_MONTH = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" });
const WEEKDAY = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short" });

function utc(date: CalendarDate): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** "18 Dec" in the digest's own year, "8 Jan 2027" otherwise. */
export function shortDate(date: CalendarDate, year: number): string {
  const dayMonth = DAY_MONTH.format(utc(date));
  return Number(date.slice(0, 4)) === year ? dayMonth : `${dayMonth} ${date.slice(0, 4)}`;
}

/** "Wed 9 Dec" */
function dayOfWeek(date: CalendarDate): string {
  return `${WEEKDAY.format(utc(date))} ${DAY_MONTH.format(utc(date))}`;
}

function times(n: number): string {
  return n === 1 ? "once" : n === 2 ? "twice" : `${n} times`;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "a, b and c" */
export function listWords(words: string[]): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

function slipClause(slip: StepSlip, year: number): string {
  const who = slip.bySide === "BUYER" ? "the buyer" : slip.byName;
  return `${who} moved “${slip.title}” from ${shortDate(slip.from, year)} to ${shortDate(slip.to, year)}`;
}

function figureClauses(now: WeekFigures, before: WeekFigures, closeQuarter: string): string[] {
  const clauses: string[] = [];
  if (now.healthLabel !== before.healthLabel) {
    const way = HEALTH_LABEL_RANK[now.healthLabel] < HEALTH_LABEL_RANK[before.healthLabel] ? "fell" : "rose";
    clauses.push(`health ${way} from ${LABEL_WORDS[before.healthLabel]} to ${LABEL_WORDS[now.healthLabel]}`);
  }
  if (now.derivedCategory !== before.derivedCategory) {
    const way = FORECAST_RANK[now.derivedCategory] < FORECAST_RANK[before.derivedCategory] ? "down" : "up";
    clauses.push(`the plan now supports ${FORECAST_LABELS[now.derivedCategory]}, ${way} from ${FORECAST_LABELS[before.derivedCategory]}`);
  }
  if (now.projectedOutsideQuarter !== before.projectedOutsideQuarter) {
    clauses.push(now.projectedOutsideQuarter ? `projected close now after ${closeQuarter}` : `projected close back inside ${closeQuarter}`);
  }
  return clauses;
}

/** Slipped steps first, then health, category and projection against last week. */
export function changeClauses(deal: DealWeek, year: number): string[] {
  const slips = deal.slips.map((slip) => slipClause(slip, year));
  const figures = deal.now && deal.lastWeek ? figureClauses(deal.now, deal.lastWeek, deal.closeQuarter) : [];
  return [...slips, ...figures];
}

export function dueClauses(deal: DealWeek): string[] {
  return [...deal.due]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.title.localeCompare(b.title)))
    .map((step) => `“${step.title}” (${SIDE_WORDS[step.ownerSide]}) due ${dayOfWeek(step.date)}`);
}

/** What a buyer's acts read as, most telling first; anything else counts as "other changes". */
const ACT_WORDS: Array<[action: string, words: (n: number) => string]> = [
  ["plan.accepted", () => "accepted the plan"],
  ["milestone.completed", (n) => `marked ${count(n, "step")} done`],
  ["milestone.confirmed", (n) => `confirmed ${count(n, "step")} done`],
  ["milestone.redated", (n) => `moved ${count(n, "date")}`],
  ["milestone.created", (n) => `added ${count(n, "step")}`],
  ["comment.added", (n) => `commented ${times(n)}`],
  ["participant.invited", (n) => `invited ${count(n, "colleague")}`],
  ["participant.joined", () => "opened the plan for the first time"],
];
const NAMED_ACTS = new Set(ACT_WORDS.map(([action]) => action));

function buyerClause(buyer: BuyerWeek): string | null {
  const words = ACT_WORDS.filter(([action]) => (buyer.actions[action] ?? 0) > 0).map(([action, say]) => say(buyer.actions[action]));
  const others = Object.entries(buyer.actions)
    .filter(([action]) => !NAMED_ACTS.has(action))
    .reduce((sum, [, n]) => sum + n, 0);
  if (others > 0) words.push(`made ${count(others, words.length ? "other change" : "change")}`);
  return words.length ? `${buyer.name} ${listWords(words)}` : null;
}

export function buyerClauses(deal: DealWeek): string[] {
  return [...deal.buyers]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(buyerClause)
    .filter((clause): clause is string => clause !== null);
}

/** "No buyer activity on Acme, Initech and 3 more." for shared plans nobody on the buyer side touched. */
export function quietDealsLine(deals: DealWeek[], most = 5): string | null {
  const silent = deals.filter((deal) => deal.planShared && buyerClauses(deal).length === 0).map((deal) => deal.accountName);
  if (silent.length === 0) return null;
  const named = silent.slice(0, most);
  const rest = silent.length - named.length;
  return `No buyer activity on ${listWords(rest > 0 ? [...named, `${rest} more`] : named)}.`;
}

/** "Acme (Rita Rep): clause; clause" */
export function dealLine(deal: DealWeek, clauses: string[]): string {
  return `${deal.accountName}${deal.ownerName ? ` (${deal.ownerName})` : ""}: ${clauses.join("; ")}`;
}
