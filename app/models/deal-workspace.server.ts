// A deal as the seller's deal page shows it: the deal with its owner, organization, MEDDPICC and
// stakeholder readings, its plan with every step (internal ones too) and every person on it, its
// latest history, what its figures read from the history, and its change tag. The page's load and
// a save's answer read it, so its parts travel as one lean statement
// (app/utils/combined-read.server.ts) instead of ORM reads that Prisma compiles and runs as a dozen
// statements; a stale save's 409 reads the plan's parts alone. Every part is scoped by the deal's
// visibility to the seller.
import { Prisma, type Deal, type MeddpiccScore, type StakeholderRole } from "~/generated/prisma/client";
import { columnsNamed, readInOneStatement, type ReadPart } from "~/utils/combined-read.server";
import { NotFoundError } from "~/utils/http.server";
import type { ActivityAction } from "./activity.types";
import { visibleDealsSql, type SellerActor } from "./actor.server";
import { activityEntryOf } from "./activity.server";
import { DEAL_HISTORY_ROWS, dealTagOf } from "./deal-changes.server";
import type { StoredMilestone } from "./milestone-view.server";
import { countRedate, lastBuyerActSql, type HistoryFacts } from "./signals.server";

/** The seller's page also sees which steps are internal. */
type DealPlanMilestone = StoredMilestone & { internalOnly: boolean };

interface DealPlanParticipant {
  id: string;
  side: string;
  name: string;
  email: string;
  title: string;
  role: string | null;
  accessState: string;
  invitedAt: Date | null;
  lastSeenAt: Date | null;
  version: number;
}

export interface DealPlan {
  id: string;
  title: string;
  summary: string;
  status: string;
  sharedOn: string | null;
  sharedAt: Date | null;
  acceptedAt: Date | null;
  acceptedBy: { name: string } | null;
  allowedDomains: string;
  startDate: string | null;
  version: number;
  milestones: DealPlanMilestone[];
  participants: DealPlanParticipant[];
}

type Columns = ReadPart["columns"];
type Row = Record<string, unknown>;

/** A part's rows joined to the deal, which must be one the seller may see. */
function ofVisibleDeal(actor: SellerActor, dealId: string, joins: Prisma.Sql = Prisma.empty) {
  return Prisma.sql`FROM "Deal" d ${joins} WHERE d."id" = ${dealId} AND ${visibleDealsSql(actor)}`;
}

const text = (alias: string, names: string[]) => columnsNamed("text", alias, names);
const ints = (alias: string, names: string[]) => columnsNamed("int", alias, names);
const times = (alias: string, names: string[]) => columnsNamed("time", alias, names);
const columns = (...lists: Columns[]): Columns => Object.assign({}, ...lists);
const flag = (sql: string) => ["flag", sql] as const;

/** The deal page shows this many of the latest history rows. */
const ACTIVITY_SHOWN = 50;
const REDATED: ActivityAction = "milestone.redated";
type StoredActivity = Parameters<typeof activityEntryOf>[0];

const PLAN = Prisma.sql`JOIN "Plan" pl ON pl."dealId" = d."id" AND pl."organizationId" = d."organizationId"`;

function planRowParts(actor: SellerActor, dealId: string) {
  return {
    plan: {
      columns: {
        ...columns(text("pl", ["id", "title", "summary", "status", "sharedOn", "allowedDomains", "startDate"]), ints("pl", ["version"])),
        ...columns(times("pl", ["sharedAt", "acceptedAt"])),
        acceptedByName: ["text", `acc."name"`],
        hasAccepter: flag(`acc."id" IS NOT NULL`),
      },
      from: ofVisibleDeal(actor, dealId, Prisma.sql`${PLAN} LEFT JOIN "Participant" acc ON acc."id" = pl."acceptedByParticipantId"`),
    },
    milestones: {
      columns: {
        ...columns(
          text("ms", [
            "id",
            "title",
            "output",
            "ownerSide",
            "ownerParticipantId",
            "targetDate",
            "originalTargetDate",
            "status",
            "completedOn",
            "markedDoneBySide",
          ]),
          ints("ms", ["gatesStage", "position", "version"]),
          times("ms", ["buyerConfirmedAt"]),
        ),
        internalOnly: flag(`ms."internalOnly"`),
      },
      from: ofVisibleDeal(actor, dealId, Prisma.sql`${PLAN} JOIN "Milestone" ms ON ms."planId" = pl."id"`),
      orderBy: `ms."position" ASC`,
    },
    participants: {
      columns: columns(
        text("pt", ["id", "side", "name", "email", "title", "role", "accessState"]),
        ints("pt", ["version"]),
        times("pt", ["invitedAt", "lastSeenAt"]),
      ),
      from: ofVisibleDeal(actor, dealId, Prisma.sql`${PLAN} JOIN "Participant" pt ON pt."planId" = pl."id"`),
      // People added in one go share a creation time: the id keeps their order the same on every read.
      orderBy: `pt."side" ASC, pt."createdAt" ASC, pt."id" ASC`,
    },
  } satisfies Record<string, ReadPart>;
}

const SCORES = ["metrics", "economicBuyer", "decisionCriteria", "decisionProcess", "paperProcess", "identifyPain", "champion", "competition"];

function dealParts(actor: SellerActor, dealId: string) {
  return {
    deal: {
      columns: {
        ...columns(
          text("d", [
            "id",
            "organizationId",
            "ownerId",
            "accountName",
            "name",
            "currency",
            "targetCloseDate",
            "repForecastCategory",
            "outcome",
            "closedOn",
            "externalId",
          ]),
          ints("d", ["amount", "stage", "version"]),
          times("d", ["archivedAt", "createdAt", "updatedAt"]),
        ),
        ownerName: ["text", `ow."name"`],
        ownerEmail: ["text", `ow."email"`],
        timezone: ["text", `o."timezone"`],
        fiscalYearStartMonth: ["int", `o."fiscalYearStartMonth"`],
      },
      from: ofVisibleDeal(actor, dealId, Prisma.sql`JOIN "User" ow ON ow."id" = d."ownerId" JOIN "Organization" o ON o."id" = d."organizationId"`),
    },
    meddpicc: {
      columns: columns(text("md", ["id", "organizationId", "dealId", "updatedById"]), ints("md", [...SCORES, "version"]), times("md", ["updatedAt"])),
      from: ofVisibleDeal(actor, dealId, Prisma.sql`JOIN "MeddpiccScore" md ON md."dealId" = d."id"`),
    },
    stakeholders: {
      columns: columns(
        text("sr", ["id", "organizationId", "dealId", "role", "strength", "participantId", "note", "updatedById"]),
        ints("sr", ["version"]),
        times("sr", ["updatedAt"]),
      ),
      from: ofVisibleDeal(actor, dealId, Prisma.sql`JOIN "StakeholderRole" sr ON sr."dealId" = d."id"`),
      orderBy: `sr."role" ASC`,
    },
  } satisfies Record<string, ReadPart>;
}

/** What the deal page shows of the history, and what the figures read from it. */
function historyParts(actor: SellerActor, dealId: string) {
  return {
    activity: {
      columns: {
        ...columns(text("a", ["id", "actorName", "actorSide", "entityType", "entityId", "action", "before", "after"]), times("a", ["at"])),
        internalOnly: flag(`a."internalOnly"`),
      },
      from: ofVisibleDeal(actor, dealId, Prisma.sql`JOIN "Activity" a ON a."dealId" = d."id" AND a."organizationId" = d."organizationId"`),
      orderBy: `a."at" DESC, a."id" DESC`,
      limit: ACTIVITY_SHOWN,
    },
    redates: {
      columns: columns(text("rd", ["entityId"]), times("rd", ["at"])),
      from: ofVisibleDeal(actor, dealId, Prisma.sql`${PLAN} JOIN "Activity" rd ON rd."planId" = pl."id" AND rd."action" = ${REDATED}`),
    },
    history: {
      columns: {
        // Every write records a history row: the count is part of the page's change tag.
        rows: ["int", DEAL_HISTORY_ROWS],
        lastBuyerAt: ["time", lastBuyerActSql(`pl."id"`)],
      },
      // A deal without a plan still has its history count; its plan's id is then null.
      from: ofVisibleDeal(actor, dealId, Prisma.sql`LEFT ${PLAN}`),
    },
  } satisfies Record<string, ReadPart>;
}

function planOf(rows: { plan: Row[]; milestones: Row[]; participants: Row[] }): DealPlan | null {
  const [plan] = rows.plan;
  if (!plan) return null;
  const { acceptedByName, hasAccepter, ...fields } = plan;
  return {
    ...(fields as Omit<DealPlan, "acceptedBy" | "milestones" | "participants">),
    acceptedBy: hasAccepter ? { name: acceptedByName as string } : null,
    milestones: rows.milestones as unknown as DealPlanMilestone[],
    participants: rows.participants as unknown as DealPlanParticipant[],
  };
}

/** The deal's plan (null when it has none yet); 404 when the deal is missing or not the seller's to see. */
export async function getDealPlan(actor: SellerActor, dealId: string): Promise<DealPlan | null> {
  const rows = await readInOneStatement({ deal: { columns: { id: ["text", `d."id"`] }, from: ofVisibleDeal(actor, dealId) }, ...planRowParts(actor, dealId) });
  if (rows.deal.length === 0) throw new NotFoundError();
  return planOf(rows);
}

function workspaceOf(rows: { deal: Row[]; meddpicc: Row[]; stakeholders: Row[]; plan: Row[]; milestones: Row[]; participants: Row[] }) {
  const [row] = rows.deal;
  if (!row) throw new NotFoundError();
  const { ownerName, ownerEmail, timezone, fiscalYearStartMonth, ...deal } = row;
  const [meddpicc] = rows.meddpicc;
  return {
    ...(deal as unknown as Deal),
    owner: { id: deal.ownerId as string, name: ownerName as string, email: ownerEmail as string },
    organization: { timezone: timezone as string, fiscalYearStartMonth: fiscalYearStartMonth as number },
    meddpicc: meddpicc ? (meddpicc as unknown as MeddpiccScore) : null,
    stakeholders: rows.stakeholders as unknown as StakeholderRole[],
    plan: planOf(rows),
  };
}

export type DealWorkspace = ReturnType<typeof workspaceOf>;

/**
 * The deal as its seller page shows it, with the page's latest history, the history facts its
 * figures read, and its change tag, all from one statement and so from one moment: a write that
 * lands meanwhile is in all of them or in none. 404 when the deal is missing or not the seller's to see.
 */
export async function readDealPage(actor: SellerActor, dealId: string, now = new Date()) {
  const rows = await readInOneStatement({ ...dealParts(actor, dealId), ...planRowParts(actor, dealId), ...historyParts(actor, dealId) });
  const workspace = workspaceOf(rows);
  const [history] = rows.history;
  const facts: HistoryFacts = { redateCounts: new Map(), lastBuyerAt: new Map() };
  if (workspace.plan) {
    for (const redate of rows.redates) countRedate(facts.redateCounts, redate as { entityId: string; at: Date }, workspace.plan.sharedAt);
    if (history.lastBuyerAt) facts.lastBuyerAt.set(workspace.plan.id, history.lastBuyerAt as Date);
  }
  const changeTag = dealTagOf(
    actor,
    { dealVersion: workspace.version, planVersion: workspace.plan?.version ?? null, historyRows: history.rows as number },
    now,
  );
  return {
    workspace,
    activity: rows.activity.map((a) => activityEntryOf(a as unknown as StoredActivity)),
    facts,
    changeTag,
  };
}
