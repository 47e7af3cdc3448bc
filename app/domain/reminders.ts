// Which scheduled reminder a step or a plan is due for on the organization's calendar day
// (docs/notifications.md, "Reminders and check-ins"). The job passes (app/models/reminders.server.ts)
// read the facts, ask here, and queue what comes back. Every reminder carries a key naming exactly
// what it is about and who reads it; the outbox keeps one row per key, so however often the same
// state is asked about, by however many passes, it is mailed once.
import { compareCalendarDates, addDays, daysBetween, isAcceptedDate } from "./dates";
import type { CompletionState } from "./completion";
import { daysOverdue } from "./slippage";
import type { CalendarDate, OwnerSide } from "./types";

/** Two days' notice: enough to act on, short enough that the step is still on the reader's mind. */
export const DUE_SOON_DAYS = 2;
/**
 * How long after its start an overdue step, a seller's mark or a quiet spell may still be mailed
 * about. Passes run every minute, so this only matters after an outage, or when reminders reach a
 * database full of old plans: nobody gets a pile of mail about steps that slipped months ago.
 */
export const LOOKBACK_DAYS = 7;
/** A seller who marks a buyer's step done by mistake has this long to undo it before the buyer hears. */
export const UNDO_GRACE_MS = 10 * 60_000;
/** A plan where nothing moved for this many days gets a check-in to the buyer. */
export const QUIET_DAYS = 10;
/** A check-in stays a short email a buyer answers from a phone; the plan page has the rest. */
export const CHECK_IN_MAX_STEPS = 8;

const DAY_MS = 86_400_000;

export type ReminderKind = "STEP_DUE_SOON" | "STEP_OVERDUE" | "AWAITING_CONFIRMATION" | "STALE_PLAN_NUDGE";

/** Why the reader gets it: the step is theirs, the deal is theirs, or they are a buyer on the plan. */
export type ReminderRole = "OWNER" | "REP" | "BUYER";

/**
 * A person a reminder may reach. `active` is a buyer who got in (never one only invited, or
 * removed) or a seller whose account is not deactivated.
 */
export interface Recipient {
  id: string;
  email: string;
  name: string;
  side: "BUYER" | "SELLER";
  active: boolean;
}

export interface PlanFacts {
  status: string;
  dealOutcome: string;
  archived: boolean;
}

export interface StepFacts {
  id: string;
  ownerSide: OwnerSide;
  internalOnly: boolean;
  targetDate: CalendarDate;
  completion: CompletionState;
  /** When a seller's (or anyone's) done mark was made; what "awaiting confirmation" counts from. */
  markedDoneAt: Date | null;
  owner: Recipient | null;
}

/**
 * What each kind's key begins with: "<prefix>:<what it is about>:<reader's address>". The reads
 * build the same keys to skip reminders already in the outbox (app/models/reminder-steps.server.ts).
 */
export const KEY_PREFIXES = {
  STEP_DUE_SOON: "due-soon",
  STEP_OVERDUE: "overdue",
  AWAITING_CONFIRMATION: "awaiting",
  STALE_PLAN_NUDGE: "check-in",
} as const satisfies Record<ReminderKind, string>;

export interface Reminder {
  kind: ReminderKind;
  key: string;
  to: Recipient;
  role: ReminderRole;
}

/** A draft is the seller's own business, and a closed or archived deal has nothing left to chase. */
export function planIsLive(plan: PlanFacts): boolean {
  return (plan.status === "SHARED" || plan.status === "ACCEPTED") && plan.dealOutcome === "OPEN" && !plan.archived;
}

/** Buyers never hear of an internal-only step, and nobody is mailed who cannot act on it. */
function mayHearOf(person: Recipient | null, step: StepFacts): person is Recipient {
  return Boolean(person?.active) && !(person!.side === "BUYER" && step.internalOnly);
}

function reminder(kind: ReminderKind, about: string, to: Recipient, role: ReminderRole): Reminder {
  return { kind, key: `${KEY_PREFIXES[kind]}:${about}:${to.email.toLowerCase()}`, to, role };
}

/**
 * To the owner, two days before an open step is due. The key names the date, so a step moved to
 * a new date is reminded of again for that date, and never twice for one date.
 */
export function dueSoonReminders(today: CalendarDate, plan: PlanFacts, step: StepFacts): Reminder[] {
  if (!planIsLive(plan) || step.completion !== "OPEN" || !isAcceptedDate(step.targetDate)) return [];
  if (step.targetDate !== addDays(today, DUE_SOON_DAYS) || !mayHearOf(step.owner, step)) return [];
  return [reminder("STEP_DUE_SOON", `${step.id}:${step.targetDate}`, step.owner, "OWNER")];
}

/**
 * To the owner and to the rep who owns the deal, once per step and date: the rep answers for the
 * deal whoever owns the step. One person in both roles gets one email. Only while the step went
 * overdue within LOOKBACK_DAYS: the key is the same every day of that week, so that is one email.
 */
export function overdueReminders(today: CalendarDate, plan: PlanFacts, step: StepFacts, rep: Recipient | null): Reminder[] {
  if (!planIsLive(plan) || step.completion !== "OPEN") return [];
  const late = daysOverdue(step.targetDate, today, false);
  if (late < 1 || late > LOOKBACK_DAYS) return [];
  const about = `${step.id}:${step.targetDate}`;
  const reminders: Reminder[] = [];
  if (mayHearOf(step.owner, step)) reminders.push(reminder("STEP_OVERDUE", about, step.owner, "OWNER"));
  if (mayHearOf(rep, step) && !reminders.some((r) => sameAddress(r.to, rep))) reminders.push(reminder("STEP_OVERDUE", about, rep, "REP"));
  return reminders;
}

function sameAddress(a: Recipient, b: Recipient): boolean {
  return a.email.toLowerCase() === b.email.toLowerCase();
}

/** Each person once, by address: one buyer may appear twice in a list, never in the inbox. */
function distinct(people: Recipient[]): Recipient[] {
  return people.filter((p, index) => people.findIndex((q) => sameAddress(p, q)) === index);
}

function activeBuyers(buyers: Recipient[]): Recipient[] {
  return distinct(buyers.filter((b) => b.side === "BUYER" && b.active));
}

/**
 * To the buyer, when a seller marked their step done: it counts only once a buyer confirms it
 * (docs/product.md, "The core rule"). Sent UNDO_GRACE_MS after the mark, so a mark undone at once
 * reaches nobody; to the step's buyer owner, or to every active buyer when it has none who can
 * act. The key names the mark's moment: a step reopened and marked again asks again.
 */
export function awaitingReminders(now: Date, plan: PlanFacts, step: StepFacts, buyers: Recipient[]): Reminder[] {
  if (!planIsLive(plan) || step.internalOnly || step.completion !== "AWAITING_BUYER_CONFIRMATION" || !step.markedDoneAt) return [];
  const since = now.getTime() - step.markedDoneAt.getTime();
  if (since < UNDO_GRACE_MS || since > LOOKBACK_DAYS * DAY_MS) return [];
  const about = `${step.id}:${step.markedDoneAt.getTime()}`;
  if (step.owner?.side === "BUYER" && step.owner.active) return [reminder("AWAITING_CONFIRMATION", about, step.owner, "OWNER")];
  return activeBuyers(buyers).map((to) => reminder("AWAITING_CONFIRMATION", about, to, "BUYER"));
}

export interface QuietPlanFacts extends PlanFacts {
  id: string;
  sharedOn: CalendarDate | null;
}

/** The plan's latest change a buyer can see (its id), and its day in the organization's calendar. */
export interface LastMove {
  id: string;
  on: CalendarDate;
}

/** The day the plan last moved: its latest visible change, or the day it was shared when later. */
export function lastMovedOn(plan: Pick<QuietPlanFacts, "sharedOn">, lastMove: LastMove | null): CalendarDate | null {
  const days = [plan.sharedOn, lastMove?.on].filter((day): day is CalendarDate => Boolean(day && isAcceptedDate(day)));
  return days.sort(compareCalendarDates).at(-1) ?? null;
}

export interface CheckIn {
  quietDays: number;
  /** The steps the email asks about, soonest first; `more` counts those left for the plan page. */
  steps: StepFacts[];
  more: number;
  reminders: Reminder[];
}

/** The buyer's own steps that are still to do: what "still on track?" asks about. */
function openBuyerSteps(steps: StepFacts[]): StepFacts[] {
  return steps
    .filter((s) => s.ownerSide !== "SELLER" && !s.internalOnly && s.completion === "OPEN")
    .sort((a, b) => compareCalendarDates(a.targetDate, b.targetDate));
}

/**
 * "Still on track?" to the buyer when nothing on a live plan moved for QUIET_DAYS. It goes to the
 * buyers who own an open step (they are the ones who can answer), else to every active buyer;
 * not at all when no buyer step is left open, since then the plan waits on the seller. Once per
 * quiet spell: the key names the change the spell began with, so only a new change starts another.
 */
export function checkInFor(today: CalendarDate, plan: QuietPlanFacts, lastMove: LastMove | null, steps: StepFacts[], buyers: Recipient[]): CheckIn | null {
  const since = lastMovedOn(plan, lastMove);
  if (!planIsLive(plan) || !plan.sharedOn || !since) return null;
  const quietDays = daysBetween(since, today);
  if (quietDays < QUIET_DAYS || quietDays >= QUIET_DAYS + LOOKBACK_DAYS) return null;
  const open = openBuyerSteps(steps);
  const everyone = activeBuyers(buyers);
  if (open.length === 0 || everyone.length === 0) return null;
  const owners = everyone.filter((b) => open.some((s) => s.owner?.id === b.id));
  const spell = lastMove?.id ?? plan.sharedOn;
  return {
    quietDays,
    steps: open.slice(0, CHECK_IN_MAX_STEPS),
    more: Math.max(0, open.length - CHECK_IN_MAX_STEPS),
    reminders: (owners.length ? owners : everyone).map((to) => reminder("STALE_PLAN_NUDGE", `${plan.id}:${spell}`, to, "BUYER")),
  };
}

/** The step and the date (or the mark's moment) a queued step reminder's key names; null for other email. */
export function stepReminderSubject(kind: string, key: string): { stepId: string; marker: string } | null {
  if (kind !== "STEP_DUE_SOON" && kind !== "STEP_OVERDUE" && kind !== "AWAITING_CONFIRMATION") return null;
  const [prefix, stepId, marker] = key.split(":");
  if (prefix !== KEY_PREFIXES[kind] || !stepId || !marker) return null;
  return { stepId, marker };
}

/**
 * Whether a step reminder is still true when its time to go comes. Scheduled reminders wait for
 * the reader's morning; a step done, re-dated or confirmed meanwhile must not be chased.
 */
export function stepReminderStillTrue(
  kind: string,
  marker: string,
  plan: PlanFacts,
  step: Pick<StepFacts, "completion" | "targetDate" | "markedDoneAt">,
): boolean {
  if (!planIsLive(plan)) return false;
  if (kind === "AWAITING_CONFIRMATION") return step.completion === "AWAITING_BUYER_CONFIRMATION" && String(step.markedDoneAt?.getTime()) === marker;
  return step.completion === "OPEN" && step.targetDate === marker;
}
