// npm run seed:large -- --deals 10000 [--seed 7]
// Generates a realistic organization at scale into the database DATABASE_URL points at: several
// teams of reps, deals at every stage and outcome, plans of 15 milestones with re-dates,
// completions, confirmations and buyer silence, and the activity history slippage is derived
// from. Deterministic for a given --seed. Also used by tests with a few dozen deals.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/utils/db.server";
import { CommandError, prepareDatabase, runCommand } from "./command";
import { largeOrganizationScorecardRows } from "./seed-stage-history";

export interface LargeOrganization {
  organizationId: string;
  adminEmail: string;
  deals: number;
  milestones: number;
  activities: number;
}

const TODAY_OFFSET_RANGE = 120;
const MILESTONES_PER_PLAN = 15;
const EXTRA_STEPS = [
  "Pilot kickoff",
  "Pilot review",
  "Reference call",
  "Data protection review",
  "Implementation plan agreed",
  "Budget confirmed",
  "Kickoff scheduled",
];
const BUYER_ROLES = ["ECONOMIC_BUYER", "CHAMPION", "TECHNICAL_EVALUATOR", "PROCUREMENT", "LEGAL", "EXECUTIVE_SPONSOR", "USER_CHAMPION", "OTHER"];
const CATEGORIES = ["PIPELINE", "BEST_CASE", "COMMIT", "OMITTED"];

function generator(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

const id = () => randomBytes(15).toString("base64url");

// Both databases cap the parameters of one statement (SQLite 32,766, PostgreSQL 65,535). Far below
// both, about a thousand is also the fastest: larger statements cost more than their size on SQLite.
const MAX_PARAMETERS = 1000;
// Prisma fills @updatedAt itself, so the column has no database default: raw inserts must set it.
const STAMPED_TABLES = new Set(["Deal", "Plan", "Milestone"]);

type Row = Record<string, unknown>;

const sqlValue = (value: unknown) => (typeof value === "boolean" ? Prisma.raw(value ? "true" : "false") : Prisma.sql`${value ?? null}`);

/** Rows that leave a column out get its database default, so only rows with the same columns share a statement. */
function byColumns(rows: Row[]) {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = Object.keys(row).join(",");
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

/**
 * Multi-row INSERTs through the one Prisma client, the same SQL on SQLite and PostgreSQL: one
 * statement per row, or Prisma's createMany, is minutes against seconds at this size. Dates go in
 * as parameters, so the adapter stores them exactly as Prisma does.
 */
function insertStatements(table: string, rows: Row[], now: Date) {
  const statements: Prisma.Sql[] = [];
  for (const group of byColumns(rows)) {
    const columns = Object.keys(group[0]);
    const stamped = STAMPED_TABLES.has(table) && !columns.includes("updatedAt");
    const names = Prisma.raw([...columns, ...(stamped ? ["updatedAt"] : [])].map((c) => `"${c}"`).join(", "));
    const perStatement = Math.floor(MAX_PARAMETERS / (columns.length + 1));
    for (let from = 0; from < group.length; from += perStatement) {
      const tuples = group.slice(from, from + perStatement).map((row) => {
        const values = columns.map((c) => sqlValue(row[c]));
        return Prisma.sql`(${Prisma.join(stamped ? [...values, sqlValue(now)] : values)})`;
      });
      statements.push(Prisma.sql`INSERT INTO "${Prisma.raw(table)}" (${names}) VALUES ${Prisma.join(tuples)}`);
    }
  }
  return statements;
}

/**
 * Writes every batch in one transaction, parents first. Plans and participants point at each other
 * (acceptedBy), so that link is set afterwards in one UPDATE: a deferred key check would make
 * SQLite scan child tables on every insert, which turns minutes into hours.
 */
async function writeBatches(prisma: Db, batches: Array<[table: string, rows: object[]]>, acceptedBy: Array<[planId: string, participantId: string]>) {
  const now = new Date();
  const statements = batches.flatMap(([table, rows]) => insertStatements(table, rows as Row[], now));
  if (acceptedBy.length) {
    const cases = Prisma.join(
      acceptedBy.map(([planId, participantId]) => Prisma.sql`WHEN ${planId} THEN ${participantId}`),
      " ",
    );
    const ids = Prisma.join(acceptedBy.map(([planId]) => planId));
    statements.push(Prisma.sql`UPDATE "Plan" SET "acceptedByParticipantId" = CASE "id" ${cases} END WHERE "id" IN (${ids})`);
  }
  await prisma.$transaction(
    async (tx) => {
      for (const statement of statements) await tx.$executeRaw(statement);
    },
    { timeout: 120_000 },
  );
}

export async function generateLargeOrganization(options: { deals: number; seed?: number; name?: string }): Promise<LargeOrganization> {
  const { prisma } = await import("~/utils/db.server");
  const { createOrganization } = await import("~/models/organization.server");
  const { addDays, organizationToday } = await import("~/domain/dates");
  const { DEFAULT_TEMPLATE_STEPS } = await import("~/domain/default-template");
  const rnd = generator(options.seed ?? 7);
  const suffix = randomBytes(3).toString("hex");
  const timezone = "America/Chicago";
  const adminEmail = `admin-${suffix}@scale.test`;
  const { organization } = await createOrganization({
    name: options.name ?? `Scale Co ${suffix}`,
    timezone,
    fiscalYearStartMonth: 2,
    admin: { email: adminEmail, name: "Scale Admin" },
  });
  const orgId = organization.id;
  const today = organizationToday({ timezone });
  const atDay = (date: string, hour = 15) => new Date(`${date}T${String(hour).padStart(2, "0")}:00:00Z`);

  const teamCount = Math.max(1, Math.min(6, Math.ceil(options.deals / 1500)));
  const repsPerTeam = Math.max(2, Math.min(8, Math.ceil(options.deals / teamCount / 250)));
  const reps: Array<{ id: string; name: string; email: string }> = [];
  for (let t = 0; t < teamCount; t++) {
    const team = await prisma.team.create({ data: { organizationId: orgId, name: `Team ${String.fromCharCode(65 + t)}` } });
    const manager = await prisma.user.create({
      data: { organizationId: orgId, teamId: team.id, role: "MANAGER", name: `Manager ${t + 1}`, email: `manager${t + 1}-${suffix}@scale.test` },
    });
    await prisma.teamManager.create({ data: { teamId: team.id, userId: manager.id } });
    for (let r = 0; r < repsPerTeam; r++) {
      const email = `rep${t + 1}-${r + 1}-${suffix}@scale.test`;
      const rep = await prisma.user.create({ data: { organizationId: orgId, teamId: team.id, role: "REP", name: `Rep ${t + 1}.${r + 1}`, email } });
      reps.push({ id: rep.id, name: rep.name, email });
    }
  }

  const deals: object[] = [];
  const plans: object[] = [];
  const participants: object[] = [];
  const milestones: object[] = [];
  const activities: object[] = [];
  let totalMilestones = 0;
  let totalActivities = 0;

  const acceptedPlans: Array<[string, string]> = [];
  const flush = async () => {
    await writeBatches(
      prisma,
      [
        ["Deal", deals],
        ["Plan", plans],
        ["Participant", participants],
        ["Milestone", milestones],
        ["Activity", activities],
      ],
      acceptedPlans,
    );
    acceptedPlans.length = 0;
    totalMilestones += milestones.length;
    totalActivities += activities.length;
    deals.length = plans.length = participants.length = milestones.length = activities.length = 0;
  };

  for (let i = 0; i < options.deals; i++) {
    const rep = reps[i % reps.length];
    const dealId = id();
    const account = `Account ${i + 1}`;
    const start = addDays(today, -rnd.int(0, 90));
    const targetCloseDate = addDays(start, rnd.int(45, TODAY_OFFSET_RANGE));
    const roll = rnd.next();
    const outcome = roll < 0.08 ? "WON" : roll < 0.14 ? "LOST" : "OPEN";
    const stage = outcome === "WON" ? 6 : rnd.int(1, 6);
    const planState = stage <= 1 ? "DRAFT" : rnd.chance(0.3) ? "ACCEPTED" : rnd.chance(0.85) ? "SHARED" : "DRAFT";
    deals.push({
      id: dealId,
      organizationId: orgId,
      ownerId: rep.id,
      accountName: account,
      name: `${account} platform`,
      amount: rnd.int(5, 250) * 1000,
      currency: rnd.chance(0.9) ? "USD" : "EUR",
      stage,
      targetCloseDate,
      repForecastCategory: outcome === "WON" ? "CLOSED" : rnd.pick(CATEGORIES),
      outcome,
      closedOn: outcome === "OPEN" ? null : addDays(today, -rnd.int(1, 20)),
      createdAt: atDay(start, 9),
    });
    const rec = (
      planId: string | null,
      actor: { side: string; userId?: string; participantId?: string; name: string },
      date: string,
      entity: { type: string; id: string },
      action: string,
      before: object | null,
      after: object | null,
    ) =>
      activities.push({
        id: id(),
        organizationId: orgId,
        dealId,
        planId,
        actorSide: actor.side,
        actorUserId: actor.userId ?? null,
        actorParticipantId: actor.participantId ?? null,
        actorName: actor.name,
        entityType: entity.type,
        entityId: entity.id,
        action,
        before: before ? JSON.stringify(before) : null,
        after: after ? JSON.stringify(after) : null,
        at: atDay(date, rnd.int(8, 18)),
      });
    const seller = { side: "SELLER", userId: rep.id, name: rep.name };
    rec(null, seller, start, { type: "DEAL", id: dealId }, "deal.created", null, { accountName: account });

    const planId = id();
    const sharedOn = planState === "DRAFT" ? null : addDays(start, rnd.int(1, 5));
    const repParticipant = id();
    participants.push({
      id: repParticipant,
      organizationId: orgId,
      planId,
      side: "SELLER",
      userId: rep.id,
      email: rep.email,
      name: rep.name,
      accessState: "ACTIVE",
    });
    const buyers: Array<{ id: string; name: string; active: boolean }> = [];
    const buyerCount = rnd.int(1, 8);
    for (let b = 0; b < buyerCount; b++) {
      const buyerId = id();
      const state = planState === "DRAFT" ? "INVITED" : rnd.chance(0.7) ? "ACTIVE" : rnd.chance(0.85) ? "INVITED" : "REVOKED";
      const name = `Buyer ${i + 1}.${b + 1}`;
      participants.push({
        id: buyerId,
        organizationId: orgId,
        planId,
        side: "BUYER",
        email: `buyer${b + 1}@account${i + 1}.example`,
        name,
        role: b < BUYER_ROLES.length ? BUYER_ROLES[b] : "OTHER",
        accessState: state,
        invitedAt: sharedOn ? atDay(sharedOn) : null,
        lastSeenAt: state === "ACTIVE" ? atDay(addDays(today, -rnd.int(0, 25))) : null,
      });
      if (state !== "REVOKED") buyers.push({ id: buyerId, name, active: state === "ACTIVE" });
    }
    const acceptedBy = planState === "ACCEPTED" && buyers.length ? buyers[0] : null;
    plans.push({
      id: planId,
      organizationId: orgId,
      dealId,
      title: `${account}: mutual action plan`,
      status: acceptedBy ? "ACCEPTED" : planState === "ACCEPTED" ? "SHARED" : planState,
      sharedOn,
      sharedAt: sharedOn ? atDay(sharedOn, 10) : null,
      acceptedAt: acceptedBy && sharedOn ? atDay(addDays(sharedOn, 3)) : null,
      startDate: start,
      createdAt: atDay(start, 10),
    });
    if (acceptedBy) acceptedPlans.push([planId, acceptedBy.id]);
    rec(planId, seller, start, { type: "PLAN", id: planId }, "plan.created", null, { from: "template", milestones: MILESTONES_PER_PLAN, startDate: start });
    if (sharedOn) rec(planId, seller, sharedOn, { type: "PLAN", id: planId }, "plan.shared", { status: "DRAFT" }, { status: "SHARED", sharedOn });

    // Buyers who went quiet: their last action is weeks ago.
    const silentFor = rnd.chance(0.15) ? rnd.int(14, 45) : rnd.int(0, 10);
    const lastBuyerDay = addDays(today, -silentFor);
    for (let s = 0; s < MILESTONES_PER_PLAN; s++) {
      const template = DEFAULT_TEMPLATE_STEPS[s];
      const title = template?.title ?? EXTRA_STEPS[s - DEFAULT_TEMPLATE_STEPS.length];
      const ownerSide = template?.ownerSide ?? rnd.pick(["BUYER", "SELLER", "JOINT"] as const);
      const original = addDays(start, template?.dayOffset ?? 7 + s * 5);
      const slip = sharedOn && rnd.chance(0.18) ? rnd.int(2, 21) : 0;
      const target = addDays(original, slip);
      const milestoneId = id();
      const due = target <= today;
      const done = outcome === "WON" || (due ? rnd.chance(0.72) : rnd.chance(0.08));
      const completedOn = done ? (addDays(target, rnd.int(-3, 4)) <= today ? addDays(target, rnd.int(-3, 4)) : today) : null;
      const byBuyer = done && ownerSide !== "SELLER" && buyers.length > 0 && rnd.chance(0.5);
      const confirmed = done && ownerSide !== "SELLER" && !byBuyer && buyers.length > 0 && rnd.chance(0.7);
      const buyer = buyers.length ? rnd.pick(buyers) : null;
      milestones.push({
        id: milestoneId,
        organizationId: orgId,
        planId,
        title,
        output: template?.output ?? "",
        ownerSide,
        ownerParticipantId: ownerSide === "SELLER" ? repParticipant : (buyer?.id ?? null),
        targetDate: target,
        originalTargetDate: original,
        status: done ? "DONE" : due && rnd.chance(0.2) ? "BLOCKED" : rnd.pick(["NOT_STARTED", "IN_PROGRESS"]),
        completedOn,
        markedDoneAt: completedOn ? atDay(completedOn) : null,
        markedDoneBySide: done ? (byBuyer ? "BUYER" : "SELLER") : null,
        markedDoneByUserId: done && !byBuyer ? rep.id : null,
        markedDoneByParticipantId: byBuyer ? buyer!.id : null,
        buyerConfirmedAt: confirmed && completedOn ? atDay(completedOn, 17) : null,
        buyerConfirmedByParticipantId: confirmed ? buyer!.id : null,
        gatesStage: template?.gatesStage ?? null,
        internalOnly: !template && s === MILESTONES_PER_PLAN - 1,
        position: s + 1,
      });
      if (slip > 0 && sharedOn) {
        const when = addDays(sharedOn, rnd.int(1, 10)) <= today ? addDays(sharedOn, rnd.int(1, 10)) : today;
        const actor = buyer && rnd.chance(0.5) ? { side: "BUYER", participantId: buyer.id, name: buyer.name } : seller;
        rec(planId, actor, when, { type: "MILESTONE", id: milestoneId }, "milestone.redated", { targetDate: original }, { targetDate: target });
      }
      if (completedOn) {
        const actor = byBuyer ? { side: "BUYER", participantId: buyer!.id, name: buyer!.name } : seller;
        rec(planId, actor, completedOn, { type: "MILESTONE", id: milestoneId }, "milestone.completed", { status: "IN_PROGRESS" }, { status: "DONE" });
        if (confirmed)
          rec(
            planId,
            { side: "BUYER", participantId: buyer!.id, name: buyer!.name },
            completedOn < lastBuyerDay ? completedOn : lastBuyerDay,
            { type: "MILESTONE", id: milestoneId },
            "milestone.confirmed",
            null,
            { buyerConfirmed: true },
          );
      }
    }
    if (sharedOn && buyers.length && lastBuyerDay >= sharedOn) {
      rec(planId, { side: "BUYER", participantId: buyers[0].id, name: buyers[0].name }, lastBuyerDay, { type: "COMMENT", id: planId }, "comment.added", null, {
        body: "Looks good on our side.",
      });
    }
    if (deals.length >= 250) await flush();
  }
  await flush();
  const { seedLargeForecastHistory } = await import("./seed-forecast-calls");
  await seedLargeForecastHistory({ prisma, organizationId: orgId, today, reps, rnd, deals: options.deals, write: (b) => writeBatches(prisma, b, []) });
  await largeOrganizationScorecardRows(prisma, orgId, options.seed ?? 7, (batches) => writeBatches(prisma, batches, []));
  return { organizationId: orgId, adminEmail, deals: options.deals, milestones: totalMilestones, activities: totalActivities };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runCommand(async () => {
    const { values } = parseArgs({ options: { deals: { type: "string", default: "10000" }, seed: { type: "string", default: "7" } } });
    const count = Number(values.deals);
    if (!Number.isInteger(count) || count < 1) throw new CommandError("Usage: npm run seed:large -- --deals 10000 [--seed 7]");
    await prepareDatabase();
    const started = Date.now();
    const result = await generateLargeOrganization({ deals: count, seed: Number(values.seed) });
    console.log(
      `Generated ${result.deals.toLocaleString("en-US")} deals, ${result.milestones.toLocaleString("en-US")} milestones and ` +
        `${result.activities.toLocaleString("en-US")} activity rows in ${((Date.now() - started) / 1000).toFixed(1)} s. Admin: ${result.adminEmail}`,
    );
  });
}
