// The seed's vocabulary: a clock pinned to the organization's "today", and a DealStory that writes
// a deal, its plan and its history the way the app would have written them over the past weeks.
// Direct Prisma writes are deliberate here: the model layer stamps everything with "now", and a
// demo needs history that happened days ago.
import { prisma, type Tx } from "~/utils/db.server";
import { recordActivity, type ActivityInput } from "~/models/activity.server";
import type { ActivityAction } from "~/models/activity.types";
import { addDays, organizationToday } from "~/domain/dates";
import { DEFAULT_TEMPLATE_STEPS } from "~/domain/default-template";
import type { AccessState, BuyingRole, CalendarDate, ForecastCategory, MilestoneStatus, OwnerSide } from "~/domain/types";
import { visitDaysOf } from "./seed-visits";

// ---------------------------------------------------------------------------------------------
// Time

export interface SeedOrg {
  id: string;
  timezone: string;
  fiscalYearStartMonth: number;
  today: CalendarDate;
  /** The calendar date `offset` days from today (negative: in the past). */
  day(offset: number): CalendarDate;
  /** The moment it was `hour:minute` in the organization's timezone, `offset` days from today. */
  at(offset: number, hour?: number, minute?: number): Date;
}

export function seedOrg(org: { id: string; timezone: string; fiscalYearStartMonth: number }): SeedOrg {
  const today = organizationToday(org);
  return {
    ...org,
    today,
    day: (offset) => addDays(today, offset),
    at: (offset, hour = 10, minute = 0) => zonedInstant(addDays(today, offset), hour, minute, org.timezone),
  };
}

function zonedInstant(date: CalendarDate, hour: number, minute: number, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  // Two passes, so a wall time next to a DST change still lands on the intended local hour.
  let instant = wall - utcOffsetMs(timeZone, new Date(wall));
  instant = wall - utcOffsetMs(timeZone, new Date(instant));
  // History must never be in the future, whatever hour a story picked for "yesterday".
  return new Date(Math.min(instant, Date.now() - 60_000));
}

function utcOffsetMs(timeZone: string, instant: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** First and last day of the fiscal quarter that contains `date`. */
export function fiscalQuarter(date: CalendarDate, fiscalYearStartMonth: number) {
  const [y, m] = date.split("-").map(Number);
  const monthsIntoQuarter = (m - fiscalYearStartMonth + 12) % 3;
  const startMonth = m - 1 - monthsIntoQuarter; // 0-based; Date.UTC rolls negative months back a year
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { start: iso(Date.UTC(y, startMonth, 1)), end: iso(Date.UTC(y, startMonth + 3, 0)) };
}

/**
 * The rep's close date: `preferred`, unless that would put the projected close in a later fiscal
 * quarter, then the first day of the projection's quarter. Keeps a story's derived category the
 * same whatever day the demo is seeded.
 */
export function closeDateInQuarterOf(org: SeedOrg, projected: CalendarDate, preferred: CalendarDate): CalendarDate {
  const { start } = fiscalQuarter(projected, org.fiscalYearStartMonth);
  return preferred > start ? preferred : start;
}

// ---------------------------------------------------------------------------------------------
// Stories

/** The default template's steps, by the names the stories use. */
export const STEP_KEYS = ["businessCase", "techEval", "security", "execMeeting", "proposal", "procurement", "legal", "countersign"] as const;
export type StepKey = (typeof STEP_KEYS)[number];
if (STEP_KEYS.length !== DEFAULT_TEMPLATE_STEPS.length) throw new Error("The seed's step names no longer match the default template");

export interface SeedUser {
  id: string;
  name: string;
  email: string;
}

export interface DealSpec {
  owner: SeedUser;
  accountName: string;
  /** Buyer emails and the plan's allowed domain. */
  domain: string;
  name: string;
  amount: number;
  currency?: string;
  stage: number;
  targetCloseDate: CalendarDate;
  repForecastCategory: ForecastCategory;
  /** Day offset on which the rep created the deal. */
  created: number;
}

export interface BuyerSpec {
  key: string;
  name: string;
  title: string;
  role: BuyingRole;
  access: AccessState;
  /** Day offset the buyer was last seen, when later than their last action. */
  seen?: number;
}

export interface ExtraMilestone {
  key: string;
  title: string;
  output: string;
  ownerSide: OwnerSide;
  target: number;
  /** Placed right after this template step. */
  after: StepKey;
  internalOnly?: boolean;
  gatesStage?: number;
  /** When the rep added it. */
  created: When;
}

export interface PlanSpec {
  created: When;
  /** Day offset the template's "day N" counts from. */
  start: number;
  summary: string;
  buyers: BuyerSpec[];
  extra?: ExtraMilestone[];
}

type Who = "rep" | (string & {});
/** A day offset from today, optionally with the local hour and minute. */
export type When = number | [day: number, hour: number, minute?: number];

interface MilestoneState {
  id: string;
  title: string;
  ownerSide: OwnerSide;
  ownerParticipantId: string | null;
  targetDate: CalendarDate;
  status: MilestoneStatus;
  internalOnly: boolean;
}

interface Actor {
  side: "SELLER" | "BUYER";
  userId: string | null;
  participantId: string | null;
  name: string;
}

export async function seedDeal(org: SeedOrg, spec: DealSpec, write: (story: DealStory) => Promise<void>) {
  return prisma.$transaction(
    async (tx) => {
      const story = new DealStory(tx, org, spec);
      await story.createDeal();
      await write(story);
      await story.finish();
      return story.dealId;
    },
    { timeout: 60_000 },
  );
}

export class DealStory {
  dealId = "";
  planId: string | null = null;
  private planStatus: "DRAFT" | "SHARED" | "ACCEPTED" = "DRAFT";
  private repParticipantId = "";
  private buyers = new Map<string, { id: string; spec: BuyerSpec; lastAction: Date | null; sightings: Date[]; revoked?: boolean }>();
  private milestones = new Map<string, MilestoneState>();
  private minuteSeed = 0;

  constructor(
    private tx: Tx,
    private org: SeedOrg,
    private spec: DealSpec,
  ) {}

  /** Sellers work mornings and buyers afternoons by default; minutes vary so rows look typed by people. */
  private time(when: When, side: "SELLER" | "BUYER"): Date {
    const [day, hour, minute] = typeof when === "number" ? [when, side === "SELLER" ? 10 : 14, undefined] : when;
    this.minuteSeed = (this.minuteSeed + 23) % 60;
    return this.org.at(day, hour, minute ?? this.minuteSeed);
  }

  private get rep(): Actor {
    return { side: "SELLER", userId: this.spec.owner.id, participantId: null, name: this.spec.owner.name };
  }

  private buyer(key: string) {
    const buyer = this.buyers.get(key);
    if (!buyer) throw new Error(`${this.spec.accountName}: no buyer "${key}"`);
    return buyer;
  }

  private actor(who: Who): Actor {
    if (who === "rep") return this.rep;
    const buyer = this.buyer(who);
    return { side: "BUYER", userId: null, participantId: buyer.id, name: buyer.spec.name };
  }

  private milestone(key: string) {
    const milestone = this.milestones.get(key);
    if (!milestone) throw new Error(`${this.spec.accountName}: no milestone "${key}"`);
    return milestone;
  }

  private async record(who: Actor, at: Date, entry: Pick<ActivityInput, "entityType" | "entityId" | "action" | "before" | "after" | "internalOnly">) {
    if (who.side === "BUYER") {
      const buyer = [...this.buyers.values()].find((b) => b.id === who.participantId)!;
      if (!buyer.lastAction || buyer.lastAction < at) buyer.lastAction = at;
      buyer.sightings.push(at);
    }
    await recordActivity(this.tx, who, { ...entry, organizationId: this.org.id, dealId: this.dealId, planId: this.planId, at });
  }

  async createDeal() {
    const { spec } = this;
    const at = this.time(spec.created, "SELLER");
    const deal = await this.tx.deal.create({
      data: {
        organizationId: this.org.id,
        ownerId: spec.owner.id,
        accountName: spec.accountName,
        name: spec.name,
        amount: spec.amount,
        currency: spec.currency ?? "USD",
        stage: spec.stage,
        targetCloseDate: spec.targetCloseDate,
        repForecastCategory: spec.repForecastCategory,
        createdAt: at,
        updatedAt: at,
      },
    });
    this.dealId = deal.id;
    await this.record(this.rep, at, {
      entityType: "DEAL",
      entityId: deal.id,
      action: "deal.created",
      after: { accountName: deal.accountName, name: deal.name, amount: deal.amount, stage: deal.stage },
    });
  }

  /** The plan from the default template, with the rep and the buyers on it, as a draft. */
  async addPlan(plan: PlanSpec) {
    const at = this.time(plan.created, "SELLER");
    const startDate = this.org.day(plan.start);
    const title = `${this.spec.accountName}: mutual action plan`;
    const row = await this.tx.plan.create({
      data: {
        organizationId: this.org.id,
        dealId: this.dealId,
        title,
        summary: plan.summary,
        startDate,
        allowedDomains: this.spec.domain,
        createdAt: at,
        updatedAt: at,
      },
    });
    this.planId = row.id;
    const rep = await this.tx.participant.create({
      data: {
        organizationId: this.org.id,
        planId: row.id,
        side: "SELLER",
        userId: this.spec.owner.id,
        email: this.spec.owner.email,
        name: this.spec.owner.name,
        accessState: "ACTIVE",
        createdAt: at,
      },
    });
    this.repParticipantId = rep.id;
    await this.record(this.rep, at, {
      entityType: "PLAN",
      entityId: row.id,
      action: "plan.created",
      after: { title, from: "template", milestones: DEFAULT_TEMPLATE_STEPS.length, startDate },
    });

    for (const buyer of plan.buyers) await this.addBuyer(buyer, at);

    const extras = plan.extra ?? [];
    const rows = STEP_KEYS.flatMap((key, index) => {
      const step = DEFAULT_TEMPLATE_STEPS[index];
      const templateRow = {
        key,
        title: step.title,
        output: step.output,
        ownerSide: step.ownerSide,
        ownerRole: step.ownerRole,
        targetDate: addDays(startDate, step.dayOffset),
        gatesStage: step.gatesStage,
        internalOnly: false,
        created: null as When | null,
      };
      const added = extras
        .filter((e) => e.after === key)
        .map((e) => ({ ...e, ownerRole: null, targetDate: this.org.day(e.target), gatesStage: e.gatesStage ?? null, internalOnly: e.internalOnly ?? false }));
      return [templateRow, ...added];
    });
    for (const [index, m] of rows.entries()) {
      const createdAt = m.created === null ? at : this.time(m.created, "SELLER");
      const milestone = await this.tx.milestone.create({
        data: {
          organizationId: this.org.id,
          planId: row.id,
          title: m.title,
          output: m.output,
          ownerSide: m.ownerSide,
          ownerParticipantId: this.suggestOwner(m.ownerSide, m.ownerRole),
          targetDate: m.targetDate,
          originalTargetDate: m.targetDate,
          gatesStage: m.gatesStage,
          internalOnly: m.internalOnly,
          position: index + 1,
          createdAt,
          updatedAt: createdAt,
        },
      });
      this.milestones.set(m.key, { ...milestone, ownerSide: m.ownerSide, status: "NOT_STARTED" });
      if (m.created !== null) {
        await this.record(this.rep, createdAt, {
          entityType: "MILESTONE",
          entityId: milestone.id,
          action: "milestone.created",
          after: { title: m.title, targetDate: m.targetDate, ownerSide: m.ownerSide },
          internalOnly: m.internalOnly,
        });
      }
    }
  }

  private async addBuyer(spec: BuyerSpec, at: Date) {
    const [first, ...rest] = spec.name
      .toLowerCase()
      .replace(/[^a-z ]/g, "")
      .split(" ");
    const email = `${[first, rest.at(-1)].filter(Boolean).join(".")}@${this.spec.domain}`;
    const participant = await this.tx.participant.create({
      data: {
        organizationId: this.org.id,
        planId: this.planId!,
        side: "BUYER",
        email,
        name: spec.name,
        title: spec.title,
        role: spec.role,
        // Everyone starts invited; share() sends the invitations and finish() settles who opened them.
        accessState: "INVITED",
        createdAt: at,
      },
    });
    this.buyers.set(spec.key, { id: participant.id, spec, lastAction: null, sightings: [] });
    await this.record(this.rep, at, {
      entityType: "PARTICIPANT",
      entityId: participant.id,
      action: "participant.added",
      after: { name: spec.name, email, role: spec.role },
    });
  }

  /** The buyer who usually owns a step (the default template's roles), never someone whose access was removed. */
  private suggestOwner(side: OwnerSide, role: BuyingRole | null): string | null {
    if (side === "SELLER") return this.repParticipantId;
    const candidates = [...this.buyers.values()].filter((b) => b.spec.access !== "REVOKED");
    // The template leaves the security review to "the buyer's security team": an OTHER contact
    // on these plans is always the security lead.
    const wanted = role ? [role] : (["OTHER", "TECHNICAL_EVALUATOR"] as BuyingRole[]);
    for (const r of [...wanted, "CHAMPION" as const]) {
      const match = candidates.find((b) => b.spec.role === r);
      if (match) return match.id;
    }
    return side === "JOINT" ? this.repParticipantId : (candidates[0]?.id ?? null);
  }

  /** A draft edit before sharing: the app keeps no original date for a step that never existed. */
  async deleteSteps(keys: StepKey[], when: When) {
    const at = this.time(when, "SELLER");
    for (const key of keys) {
      const m = this.milestone(key);
      await this.tx.milestone.delete({ where: { id: m.id } });
      this.milestones.delete(key);
      const before = { title: m.title, targetDate: m.targetDate, status: m.status };
      await this.record(this.rep, at, { entityType: "MILESTONE", entityId: m.id, action: "milestone.deleted", before });
    }
    for (const [index, m] of [...this.milestones.values()].entries()) {
      await this.tx.milestone.update({ where: { id: m.id }, data: { position: index + 1 } });
    }
  }

  /** From now on every milestone keeps the date it has today as its original date. */
  async share(when: When) {
    const at = this.time(when, "SELLER");
    const sharedOn = this.dateOf(at);
    await this.tx.plan.update({
      where: { id: this.planId! },
      data: { status: "SHARED", sharedOn, sharedAt: at, version: { increment: 1 }, updatedAt: at },
    });
    await this.tx.participant.updateMany({ where: { planId: this.planId!, side: "BUYER" }, data: { invitedAt: at } });
    this.planStatus = "SHARED";
    const after = { status: "SHARED", sharedOn };
    await this.record(this.rep, at, { entityType: "PLAN", entityId: this.planId!, action: "plan.shared", before: { status: "DRAFT" }, after });
  }

  async accept(by: string, when: When) {
    const at = this.time(when, "BUYER");
    await this.tx.plan.update({
      where: { id: this.planId! },
      data: { status: "ACCEPTED", acceptedAt: at, acceptedByParticipantId: this.buyer(by).id, version: { increment: 1 }, updatedAt: at },
    });
    this.planStatus = "ACCEPTED";
    const [before, after] = [{ status: "SHARED" }, { status: "ACCEPTED" }];
    await this.record(this.actor(by), at, { entityType: "PLAN", entityId: this.planId!, action: "plan.accepted", before, after });
  }

  /** One edit of a milestone and its history row, stamped with the moment it happened. */
  private async change(
    m: MilestoneState,
    who: Actor,
    at: Date,
    data: object,
    action: ActivityAction,
    before?: Record<string, unknown>,
    after?: Record<string, unknown>,
  ) {
    if (this.planStatus === "DRAFT") throw new Error(`${this.spec.accountName}: the stories only change shared plans`);
    await this.tx.milestone.update({ where: { id: m.id }, data: { ...data, version: { increment: 1 }, updatedAt: at } });
    await this.record(who, at, { entityType: "MILESTONE", entityId: m.id, action, before, after, internalOnly: m.internalOnly });
  }

  /** The buyer, by default the step's owner, marks it done: no confirmation needed. */
  async buyerDone(key: string, when: When, by?: string) {
    const m = this.milestone(key);
    const actor = this.actor(by ?? this.buyerKeyOf(m.ownerParticipantId) ?? this.firstActiveBuyer());
    await this.complete(m, actor, this.time(when, "BUYER"), { markedDoneBySide: "BUYER", markedDoneByParticipantId: actor.participantId });
  }

  async sellerDone(key: string, when: When) {
    const m = this.milestone(key);
    await this.complete(m, this.rep, this.time(when, "SELLER"), { markedDoneBySide: "SELLER", markedDoneByUserId: this.spec.owner.id });
  }

  private async complete(m: MilestoneState, actor: Actor, at: Date, evidence: object) {
    const data = { status: "DONE", completedOn: this.dateOf(at), markedDoneAt: at, ...evidence };
    await this.change(m, actor, at, data, "milestone.completed", { status: m.status }, { status: "DONE" });
    m.status = "DONE";
  }

  /** The buyer's one-click confirmation of a step the seller marked done. */
  async confirm(key: string, when: When, by?: string) {
    const m = this.milestone(key);
    const actor = this.actor(by ?? this.buyerKeyOf(m.ownerParticipantId) ?? this.firstActiveBuyer());
    const at = this.time(when, "BUYER");
    const data = { buyerConfirmedAt: at, buyerConfirmedByParticipantId: actor.participantId };
    await this.change(m, actor, at, data, "milestone.confirmed", undefined, { buyerConfirmed: true });
  }

  /** A change of date after sharing: the original date stays, so the step has slipped. */
  async redate(key: string, newTarget: CalendarDate | number, when: When, by: Who) {
    const m = this.milestone(key);
    const targetDate = typeof newTarget === "number" ? this.org.day(newTarget) : newTarget;
    const actor = this.actor(by);
    await this.change(m, actor, this.time(when, actor.side), { targetDate }, "milestone.redated", { targetDate: m.targetDate }, { targetDate });
    m.targetDate = targetDate;
  }

  async setStatus(key: string, status: "IN_PROGRESS" | "BLOCKED", when: When, by: Who) {
    const m = this.milestone(key);
    const actor = this.actor(by);
    await this.change(m, actor, this.time(when, actor.side), { status }, "milestone.status_changed", { status: m.status }, { status });
    m.status = status;
  }

  async comment(by: Who, when: When, body: string, onMilestone?: string) {
    const actor = this.actor(by);
    const at = this.time(when, actor.side);
    const comment = await this.tx.comment.create({
      data: {
        organizationId: this.org.id,
        planId: this.planId!,
        milestoneId: onMilestone ? this.milestone(onMilestone).id : null,
        side: actor.side,
        authorUserId: actor.userId,
        authorParticipantId: actor.participantId,
        body,
        createdAt: at,
      },
    });
    await this.record(actor, at, { entityType: "COMMENT", entityId: comment.id, action: "comment.added", after: { body } });
  }

  /** The rep removes a buyer, say one who left the company; their next request is refused. */
  async revoke(key: string, when: When) {
    const buyer = this.buyer(key);
    if (buyer.spec.access !== "REVOKED") throw new Error(`${buyer.spec.name} should be listed as REVOKED`);
    buyer.revoked = true;
    const at = this.time(when, "SELLER");
    await this.tx.participant.update({ where: { id: buyer.id }, data: { accessState: "REVOKED", revokedAt: at, version: { increment: 1 } } });
    const [before, after] = [{ accessState: "ACTIVE" }, { accessState: "REVOKED" }];
    await this.record(this.rep, at, { entityType: "PARTICIPANT", entityId: buyer.id, action: "participant.revoked", before, after });
  }

  /** Won or lost: the fields the rep changes when a deal closes. Deal fields are seller-only history. */
  async close(outcome: "WON" | "LOST", when: When) {
    const at = this.time(when, "SELLER");
    const deal = await this.tx.deal.findUniqueOrThrow({ where: { id: this.dealId } });
    const won = outcome === "WON";
    const before = { ...(won ? { stage: deal.stage } : {}), repForecastCategory: deal.repForecastCategory, outcome: "OPEN", closedOn: null };
    const after = { ...(won ? { stage: 6 } : {}), repForecastCategory: won ? "CLOSED" : "OMITTED", outcome, closedOn: this.dateOf(at) };
    await this.tx.deal.update({ where: { id: this.dealId }, data: { ...after, version: { increment: 1 }, updatedAt: at } });
    await this.record(this.rep, at, { entityType: "DEAL", entityId: this.dealId, action: "deal.updated", before, after, internalOnly: true });
  }

  /** Letters in order: Metrics, Economic buyer, Decision criteria, Decision process, Paper process, Identify pain, Champion, Competition. */
  async meddpicc(scores: [number, number, number, number, number, number, number, number], when: When) {
    const [metrics, economicBuyer, decisionCriteria, decisionProcess, paperProcess, identifyPain, champion, competition] = scores;
    const letters = { metrics, economicBuyer, decisionCriteria, decisionProcess, paperProcess, identifyPain, champion, competition };
    await this.tx.meddpiccScore.create({
      data: { organizationId: this.org.id, dealId: this.dealId, ...letters, updatedById: this.spec.owner.id, updatedAt: this.time(when, "SELLER") },
    });
  }

  /** Access states and "last seen" follow from what each buyer did in the story. */
  async finish() {
    for (const buyer of this.buyers.values()) {
      const { spec } = buyer;
      if (spec.access === "INVITED") {
        if (buyer.lastAction) throw new Error(`${spec.name} acted, so cannot still be only invited`);
        continue;
      }
      const sightings = [buyer.lastAction, spec.seen === undefined ? null : this.org.at(spec.seen, 15, 30)].filter((t) => t !== null);
      if (sightings.length === 0) throw new Error(`${spec.name} is ${spec.access} but was never seen`);
      const lastSeenAt = new Date(Math.max(...sightings.map((t) => t.getTime())));
      if (spec.access === "REVOKED" && !buyer.revoked) throw new Error(`${spec.name}: the story never revokes them`);
      await this.tx.participant.update({ where: { id: buyer.id }, data: { accessState: spec.access, lastSeenAt } });
      const visits = visitDaysOf([...buyer.sightings, ...(spec.seen === undefined ? [] : [lastSeenAt])], this.org.timezone);
      const scope = { participantId: buyer.id, organizationId: this.org.id, planId: this.planId ?? "" };
      await this.tx.buyerVisitDay.createMany({ data: visits.map((visit) => ({ ...scope, ...visit })) });
    }
  }

  private dateOf(at: Date): CalendarDate {
    return organizationToday(this.org, at);
  }

  private buyerKeyOf(participantId: string | null): string | null {
    for (const [key, b] of this.buyers) if (b.id === participantId) return key;
    return null;
  }

  private firstActiveBuyer(): string {
    for (const [key, b] of this.buyers) if (b.spec.access === "ACTIVE") return key;
    throw new Error(`${this.spec.accountName}: no active buyer`);
  }
}
