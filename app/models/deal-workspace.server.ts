// A deal as the seller's deal page shows it: the deal with its owner, organization, MEDDPICC and
// stakeholder readings, and its plan with every step (internal ones too) and every person on it.
// The page's load and a save's answer read it, so its parts travel as one lean statement
// (app/utils/combined-read.server.ts) instead of an ORM include that Prisma compiles and runs as
// nine statements; a stale save's 409 reads the plan's parts alone. Every part is scoped by the
// deal's visibility to the seller.
import { Prisma, type Deal, type MeddpiccScore, type StakeholderRole } from "~/generated/prisma/client";
import { readInOneStatement, type ColumnKind, type ReadPart } from "~/utils/combined-read.server";
import { NotFoundError } from "~/utils/http.server";
import { storedDate } from "~/utils/stored-date";
import { visibleDealsSql, type SellerActor } from "./actor.server";
import type { StoredMilestone } from "./milestone-view.server";

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

type Columns = Record<string, readonly [ColumnKind, string]>;
type Row = Record<string, unknown>;

/** A part's rows joined to the deal, which must be one the seller may see. */
function ofVisibleDeal(actor: SellerActor, dealId: string, joins: Prisma.Sql = Prisma.empty) {
  return Prisma.sql`FROM "Deal" d ${joins} WHERE d."id" = ${dealId} AND ${visibleDealsSql(actor)}`;
}

/** Columns of one kind read as they are named in the table. */
const named = (kind: ColumnKind, alias: string, names: string[]): Columns =>
  Object.fromEntries(names.map((name) => [name, [kind, `${alias}."${name}"`] as const]));
const text = (alias: string, names: string[]) => named("text", alias, names);
const ints = (alias: string, names: string[]) => named("int", alias, names);
const times = (alias: string, names: string[]) => named("time", alias, names);
const columns = (...lists: Columns[]): Columns => Object.assign({}, ...lists);
// A boolean column is 0/1 on SQLite and boolean on PostgreSQL: both travel as an integer.
const flag = (sql: string) => ["int", `CASE WHEN ${sql} THEN 1 ELSE 0 END`] as const;

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

type Stored = Date | string | null;
const when = (value: unknown) => storedDate(value as Stored);

function planOf(rows: { plan: Row[]; milestones: Row[]; participants: Row[] }): DealPlan | null {
  const [plan] = rows.plan;
  if (!plan) return null;
  const { acceptedByName, hasAccepter, ...fields } = plan;
  return {
    ...(fields as Omit<DealPlan, "sharedAt" | "acceptedAt" | "acceptedBy" | "milestones" | "participants">),
    sharedAt: when(plan.sharedAt),
    acceptedAt: when(plan.acceptedAt),
    acceptedBy: hasAccepter === 1 ? { name: acceptedByName as string } : null,
    milestones: rows.milestones.map((m) => ({
      ...(m as unknown as DealPlanMilestone),
      internalOnly: m.internalOnly === 1,
      buyerConfirmedAt: when(m.buyerConfirmedAt),
    })),
    participants: rows.participants.map((p) => ({ ...(p as unknown as DealPlanParticipant), invitedAt: when(p.invitedAt), lastSeenAt: when(p.lastSeenAt) })),
  };
}

/** The deal's plan (null when it has none yet); 404 when the deal is missing or not the seller's to see. */
export async function getDealPlan(actor: SellerActor, dealId: string): Promise<DealPlan | null> {
  const rows = await readInOneStatement({ deal: { columns: { id: ["text", `d."id"`] }, from: ofVisibleDeal(actor, dealId) }, ...planRowParts(actor, dealId) });
  if (rows.deal.length === 0) throw new NotFoundError();
  return planOf(rows);
}

/** The deal as its seller workspace shows it; 404 when it is missing or not the seller's to see. */
export async function getDealWorkspace(actor: SellerActor, dealId: string) {
  const rows = await readInOneStatement({ ...dealParts(actor, dealId), ...planRowParts(actor, dealId) });
  const [row] = rows.deal;
  if (!row) throw new NotFoundError();
  const { ownerName, ownerEmail, timezone, fiscalYearStartMonth, ...deal } = row;
  const [meddpicc] = rows.meddpicc;
  return {
    ...(deal as unknown as Deal),
    archivedAt: when(deal.archivedAt),
    createdAt: when(deal.createdAt) as Date,
    updatedAt: when(deal.updatedAt) as Date,
    owner: { id: deal.ownerId as string, name: ownerName as string, email: ownerEmail as string },
    organization: { timezone: timezone as string, fiscalYearStartMonth: fiscalYearStartMonth as number },
    meddpicc: meddpicc ? { ...(meddpicc as unknown as MeddpiccScore), updatedAt: when(meddpicc.updatedAt) as Date } : null,
    stakeholders: rows.stakeholders.map((s) => ({ ...(s as unknown as StakeholderRole), updatedAt: when(s.updatedAt) as Date })),
    plan: planOf(rows),
  };
}
