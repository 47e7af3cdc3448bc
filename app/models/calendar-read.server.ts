// What a calendar address answers: a plan's steps (never its internal-only ones: a plan's address
// may end up in the buyer's calendar), a seller's own steps, or one step for its buyer. Each step
// is an all-day event (app/domain/ics.ts). docs/notifications.md, "Calendars", has the rules.
import { completionOfRecord } from "~/domain/completion";
import { stepEvent, writeCalendar, type CalendarEvent, type CalendarStep } from "~/domain/ics";
import { hashSecret } from "~/utils/crypto.server";
import { prisma } from "~/utils/db.server";
import { NotFoundError } from "~/utils/http.server";
import { toSellerActor, visiblePlansWhere, type BuyerActor, type SellerActor } from "./actor.server";

const STEP_FIELDS = {
  id: true,
  title: true,
  targetDate: true,
  version: true,
  ownerSide: true,
  status: true,
  markedDoneBySide: true,
  buyerConfirmedAt: true,
  internalOnly: true,
} as const;

interface StepRow {
  id: string;
  title: string;
  targetDate: string;
  version: number;
  ownerSide: string;
  status: string;
  markedDoneBySide: string | null;
  buyerConfirmedAt: Date | null;
  internalOnly: boolean;
}

const MAKER = {
  select: {
    id: true,
    organizationId: true,
    role: true,
    teamId: true,
    name: true,
    email: true,
    deactivatedAt: true,
    organization: { select: { timezone: true, fiscalYearStartMonth: true } },
  },
} as const;

function calendarStep(row: StepRow, planTitle: string, link: string): CalendarStep {
  return { ...row, done: completionOfRecord(row) === "DONE", planTitle, link };
}

function eventsOf(steps: CalendarStep[], baseUrl: string): CalendarEvent[] {
  const host = new URL(baseUrl).host;
  return steps.flatMap((step) => stepEvent(step, host) ?? []);
}

// Fetching a feed records when, for its page ("last fetched …"), but at most hourly: calendar apps
// fetch every few minutes, and a read must not cost a write each time.
const NOTE_FETCH_EVERY_MS = 60 * 60_000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The calendar behind an address's token, or null (answered 404) when the token is unknown or
 * revoked, its maker is deactivated or no longer sees the plan, or the plan's deal is gone.
 */
export async function feedCalendar(token: string, baseUrl: string, now = new Date()): Promise<string | null> {
  if (!TOKEN.test(token)) return null;
  const feed = await prisma.calendarFeed.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: { id: true, organizationId: true, scope: true, planId: true, revokedAt: true, lastFetchedAt: true, user: MAKER },
  });
  if (!feed || feed.revokedAt || !feed.user || feed.user.deactivatedAt || feed.user.organizationId !== feed.organizationId) return null;
  const actor = toSellerActor(feed.user);
  const calendar = feed.scope === "PLAN" ? await planCalendar(actor, feed.planId ?? "", baseUrl) : await personCalendar(actor, baseUrl);
  if (!calendar) return null;
  if (!feed.lastFetchedAt || now.getTime() - feed.lastFetchedAt.getTime() >= NOTE_FETCH_EVERY_MS) {
    await prisma.calendarFeed.updateMany({ where: { id: feed.id }, data: { lastFetchedAt: now } });
  }
  return writeCalendar({ ...calendar, stamp: now });
}

async function planCalendar(actor: SellerActor, planId: string, baseUrl: string) {
  const plan = await prisma.plan.findFirst({
    where: { ...visiblePlansWhere(actor), id: planId },
    select: { id: true, title: true, milestones: { where: { internalOnly: false }, select: STEP_FIELDS, orderBy: { position: "asc" } } },
  });
  if (!plan) return null;
  const link = `${baseUrl}/p/${plan.id}`;
  return {
    name: plan.title,
    events: eventsOf(
      plan.milestones.map((m) => calendarStep(m, plan.title, link)),
      baseUrl,
    ),
  };
}

/**
 * A seller's own calendar: every step of the open deals they own, and the steps they own on
 * anyone's open deal, internal-only ones included, since only they hold the address.
 */
async function personCalendar(actor: SellerActor, baseUrl: string) {
  const milestones = await prisma.milestone.findMany({
    where: {
      organizationId: actor.organizationId,
      plan: { ...visiblePlansWhere(actor), deal: { archivedAt: null, outcome: "OPEN" } },
      OR: [{ plan: { deal: { ownerId: actor.userId } } }, { ownerParticipant: { userId: actor.userId, side: "SELLER" } }],
    },
    select: { ...STEP_FIELDS, plan: { select: { title: true, dealId: true } } },
    orderBy: [{ targetDate: "asc" }, { id: "asc" }],
  });
  const steps = milestones.map(({ plan, ...m }) => calendarStep(m, plan.title, `${baseUrl}/deals/${plan.dealId}#milestone-${m.id}`));
  return { name: `${actor.name}: plan steps`, events: eventsOf(steps, baseUrl) };
}

/** One step of the buyer's plan as a calendar to import; not found for another plan's step or an internal-only one. */
export async function buyerStepCalendar(buyer: BuyerActor, milestoneId: string, baseUrl: string, now = new Date()) {
  const step = await prisma.milestone.findFirst({
    where: { id: milestoneId, planId: buyer.planId, organizationId: buyer.organizationId, internalOnly: false },
    select: { ...STEP_FIELDS, plan: { select: { title: true } } },
  });
  const event = step ? eventsOf([calendarStep(step, step.plan.title, `${baseUrl}/p/${buyer.planId}#step-${step.id}`)], baseUrl)[0] : undefined;
  if (!step || !event) throw new NotFoundError();
  return { title: step.title, text: writeCalendar({ name: step.plan.title, stamp: now, events: [event] }) };
}
