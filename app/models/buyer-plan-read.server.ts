// What a buyer reads of a plan. Every part is scoped to the buyer's own plan and excludes
// internal-only milestones, seller notes and seller-only history: what is not selected here cannot
// reach a buyer's browser.
import { Prisma } from "~/generated/prisma/client";
import { organizationToday } from "~/domain/dates";
import type { BuyingRole, Side } from "~/domain/types";
import { readInOneStatement, type ReadPart } from "~/utils/combined-read.server";
import { NotFoundError } from "~/utils/http.server";
import type { BuyerActor } from "./actor.server";
import { activityEntryOf } from "./activity.server";
import { milestoneView } from "./milestone-view.server";
import { logoUrl } from "./organization-settings.server";
import { isHexColour } from "~/domain/contrast";

const VISIBLE_ACTIVITY_LIMIT = 25;

type PlanRow = {
  id: string;
  title: string;
  summary: string;
  status: string;
  sharedOn: string | null;
  acceptedAt: Date | null;
  version: number;
  allowedDomains: string;
  acceptedByName: string | null;
  sellerCompany: string;
  buyerCompany: string;
  sellerName: string;
  accentColor: string | null;
  logoUpdatedAt: Date | null;
};
type MilestoneRow = Parameters<typeof milestoneView>[0];
type ParticipantRow = { id: string; side: string; name: string; title: string; role: string | null; accessState: string };
type CommentRow = { id: string; milestoneId: string | null; body: string; side: string; createdAt: Date; authorName: string };
type ActivityRow = {
  id: string;
  at: Date;
  actorName: string;
  actorSide: string;
  entityType: string;
  entityId: string;
  action: string;
  before: string | null;
  after: string | null;
};

/**
 * The buyer's page is the busiest read, so its five parts travel as one statement
 * (app/utils/combined-read.server.ts). Internal-only rows are filtered here, the history and
 * comments of a step the rep made internal later stay hidden with the step, and the history
 * starts when the plan was shared: the rep's drafting is not the buyer's business.
 */
export function buyerPlanParts(planId: string, organizationId: string) {
  return {
    plan: {
      columns: {
        id: ["text", `p."id"`],
        title: ["text", `p."title"`],
        summary: ["text", `p."summary"`],
        status: ["text", `p."status"`],
        sharedOn: ["text", `p."sharedOn"`],
        allowedDomains: ["text", `p."allowedDomains"`],
        acceptedByName: ["text", `accepter."name"`],
        sellerCompany: ["text", `o."name"`],
        buyerCompany: ["text", `d."accountName"`],
        sellerName: ["text", `owner."name"`],
        accentColor: ["text", `o."accentColor"`],
        version: ["int", `p."version"`],
        acceptedAt: ["time", `p."acceptedAt"`],
        logoUpdatedAt: ["time", `logo."updatedAt"`],
      },
      from: Prisma.sql`
        FROM "Plan" p
        JOIN "Organization" o ON o."id" = p."organizationId"
        JOIN "Deal" d ON d."id" = p."dealId" AND d."organizationId" = p."organizationId"
        JOIN "User" owner ON owner."id" = d."ownerId"
        LEFT JOIN "Participant" accepter ON accepter."id" = p."acceptedByParticipantId"
        LEFT JOIN "OrganizationLogo" logo ON logo."organizationId" = o."id"
        WHERE p."id" = ${planId} AND p."organizationId" = ${organizationId}`,
    },
    milestones: {
      columns: {
        id: ["text", `m."id"`],
        title: ["text", `m."title"`],
        output: ["text", `m."output"`],
        ownerSide: ["text", `m."ownerSide"`],
        ownerParticipantId: ["text", `m."ownerParticipantId"`],
        targetDate: ["text", `m."targetDate"`],
        originalTargetDate: ["text", `m."originalTargetDate"`],
        status: ["text", `m."status"`],
        completedOn: ["text", `m."completedOn"`],
        markedDoneBySide: ["text", `m."markedDoneBySide"`],
        gatesStage: ["int", `m."gatesStage"`],
        position: ["int", `m."position"`],
        version: ["int", `m."version"`],
        buyerConfirmedAt: ["time", `m."buyerConfirmedAt"`],
      },
      from: Prisma.sql`FROM "Milestone" m WHERE m."planId" = ${planId} AND m."organizationId" = ${organizationId} AND m."internalOnly" = false`,
      orderBy: `m."position" ASC`,
    },
    participants: {
      columns: {
        id: ["text", `pp."id"`],
        side: ["text", `pp."side"`],
        name: ["text", `pp."name"`],
        title: ["text", `pp."title"`],
        role: ["text", `pp."role"`],
        accessState: ["text", `pp."accessState"`],
      },
      from: Prisma.sql`FROM "Participant" pp WHERE pp."planId" = ${planId} AND pp."organizationId" = ${organizationId} AND pp."accessState" <> 'REVOKED'`,
      orderBy: `pp."side" ASC, pp."createdAt" ASC`,
    },
    comments: {
      columns: {
        id: ["text", `c."id"`],
        milestoneId: ["text", `c."milestoneId"`],
        body: ["text", `c."body"`],
        side: ["text", `c."side"`],
        authorName: ["text", `COALESCE(author."name", writer."name", 'Someone')`],
        createdAt: ["time", `c."createdAt"`],
      },
      from: Prisma.sql`
        FROM "Comment" c
        LEFT JOIN "Milestone" cm ON cm."id" = c."milestoneId"
        LEFT JOIN "Participant" author ON author."id" = c."authorParticipantId"
        LEFT JOIN "User" writer ON writer."id" = c."authorUserId"
        WHERE c."planId" = ${planId} AND c."organizationId" = ${organizationId} AND c."internalOnly" = false
          AND (c."milestoneId" IS NULL OR cm."internalOnly" = false)`,
      orderBy: `c."createdAt" ASC, c."id" ASC`,
    },
    activity: {
      columns: {
        id: ["text", `a."id"`],
        actorName: ["text", `a."actorName"`],
        actorSide: ["text", `a."actorSide"`],
        entityType: ["text", `a."entityType"`],
        entityId: ["text", `a."entityId"`],
        action: ["text", `a."action"`],
        before: ["text", `a."before"`],
        after: ["text", `a."after"`],
        at: ["time", `a."at"`],
      },
      from: Prisma.sql`
        FROM "Activity" a
        JOIN "Plan" ap ON ap."id" = a."planId"
        WHERE a."planId" = ${planId} AND a."organizationId" = ${organizationId} AND a."internalOnly" = false
          AND (ap."sharedAt" IS NULL OR a."at" >= ap."sharedAt")
          AND a."entityId" NOT IN (SELECT im."id" FROM "Milestone" im WHERE im."planId" = ${planId} AND im."internalOnly" = true)`,
      orderBy: `a."at" DESC, a."id" DESC`,
      limit: VISIBLE_ACTIVITY_LIMIT,
    },
  } satisfies Record<string, ReadPart>;
}

/** The seller's logo and accent colour; a stored colour that is not "#rrggbb" is left out rather than written into a style. */
export function brandingOf(organizationId: string, plan: Pick<PlanRow, "accentColor" | "logoUpdatedAt">) {
  return {
    accentColor: plan.accentColor && isHexColour(plan.accentColor) ? plan.accentColor : null,
    logoUrl: plan.logoUpdatedAt ? logoUrl(organizationId, plan.logoUpdatedAt) : null,
  };
}

/** The plan as a buyer sees it. Internal-only rows are filtered in the query, not in the page. */
export async function getBuyerPlan(buyer: BuyerActor) {
  const rows = await readInOneStatement(buyerPlanParts(buyer.planId, buyer.organizationId));
  const [plan] = rows.plan as PlanRow[];
  if (!plan) throw new NotFoundError();
  const participants = rows.participants as ParticipantRow[];
  const names = new Map(participants.map((p) => [p.id, p.name]));
  return {
    me: { participantId: buyer.participantId, name: buyer.name, email: buyer.email },
    today: organizationToday(buyer),
    timezone: buyer.timezone,
    plan: {
      id: plan.id,
      title: plan.title,
      summary: plan.summary,
      status: plan.status as "SHARED" | "ACCEPTED",
      sharedOn: plan.sharedOn,
      acceptedAt: plan.acceptedAt?.toISOString() ?? null,
      acceptedByName: plan.acceptedByName,
      version: plan.version,
      allowedDomains: plan.allowedDomains.split(/\s+/).filter(Boolean),
      sellerCompany: plan.sellerCompany,
      sellerName: plan.sellerName,
      buyerCompany: plan.buyerCompany,
    },
    branding: brandingOf(buyer.organizationId, plan),
    milestones: (rows.milestones as unknown as MilestoneRow[]).map((m) => milestoneView(m, names)),
    participants: participants.map((p) => ({ ...p, side: p.side as Side, role: p.role as BuyingRole | null })),
    comments: (rows.comments as CommentRow[]).map((c) => ({
      id: c.id,
      milestoneId: c.milestoneId,
      body: c.body,
      side: c.side as Side,
      authorName: c.authorName,
      at: c.createdAt.toISOString(),
    })),
    activity: (rows.activity as ActivityRow[]).map((a) => activityEntryOf({ ...a, internalOnly: false })),
  };
}
