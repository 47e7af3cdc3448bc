// A plan as it is exported: the CSV and the printable page. One shape from two sources: the
// buyer's is built from getBuyerPlan, so it holds exactly what the buyer's page may show; the
// seller's from the deal the seller may see (visibleDealsWhere), internal-only steps included and
// marked. Internal notes are in neither.
import { organizationToday } from "~/domain/dates";
import type { BuyingRole, Side } from "~/domain/types";
import { prisma } from "~/utils/db.server";
import { NotFoundError } from "~/utils/http.server";
import { actorToday, visibleDealsWhere, type BuyerActor, type SellerActor } from "./actor.server";
import { brandingOf, getBuyerPlan } from "./buyer-plan-read.server";
import { milestoneView } from "./milestone-view.server";

export type ExportedStep = ReturnType<typeof milestoneView> & { internalOnly: boolean };

export interface ExportedPlan {
  /** Who the export is for: the buyer's never holds internal-only steps or deal figures. */
  audience: Side;
  planId: string;
  title: string;
  summary: string;
  status: string;
  sharedOn: string | null;
  acceptedByName: string | null;
  sellerCompany: string;
  sellerName: string;
  buyerCompany: string;
  /** The deal's own name, for the seller only. */
  dealName: string | null;
  branding: { accentColor: string | null; logoUrl: string | null };
  participants: Array<{ id: string; side: Side; name: string; title: string; role: BuyingRole | null }>;
  steps: ExportedStep[];
  /** The organization's calendar date: the file's date and what "overdue" is measured against. */
  today: string;
}

export async function buyerPlanExport(buyer: BuyerActor): Promise<ExportedPlan> {
  const view = await getBuyerPlan(buyer);
  return {
    audience: "BUYER",
    planId: view.plan.id,
    title: view.plan.title,
    summary: view.plan.summary,
    status: view.plan.status,
    sharedOn: view.plan.sharedOn,
    acceptedByName: view.plan.acceptedByName,
    sellerCompany: view.plan.sellerCompany,
    sellerName: view.plan.sellerName,
    buyerCompany: view.plan.buyerCompany,
    dealName: null,
    branding: view.branding,
    participants: view.participants.map(({ id, side, name, title, role }) => ({ id, side, name, title, role })),
    steps: view.milestones.map((m) => ({ ...m, internalOnly: false })),
    today: organizationToday(buyer),
  };
}

/** The plan of a deal the seller may see; a deal they may not see, or one without a plan, is not found. */
export async function sellerPlanExport(seller: SellerActor, dealId: string): Promise<ExportedPlan> {
  const deal = await prisma.deal.findFirst({
    where: { id: dealId, ...visibleDealsWhere(seller) },
    select: {
      name: true,
      accountName: true,
      owner: { select: { name: true } },
      organization: { select: { name: true, accentColor: true, logo: { select: { updatedAt: true } } } },
      plan: {
        include: {
          milestones: { orderBy: { position: "asc" } },
          participants: { where: { accessState: { not: "REVOKED" } }, orderBy: [{ side: "asc" }, { createdAt: "asc" }] },
          acceptedBy: { select: { name: true } },
        },
      },
    },
  });
  const plan = deal?.plan;
  if (!deal || !plan) throw new NotFoundError();
  const names = new Map(plan.participants.map((p) => [p.id, p.name]));
  return {
    audience: "SELLER",
    planId: plan.id,
    title: plan.title,
    summary: plan.summary,
    status: plan.status,
    sharedOn: plan.sharedOn,
    acceptedByName: plan.acceptedBy?.name ?? null,
    sellerCompany: deal.organization.name,
    sellerName: deal.owner.name,
    buyerCompany: deal.accountName,
    dealName: deal.name,
    branding: brandingOf(seller.organizationId, { accentColor: deal.organization.accentColor, logoUpdatedAt: deal.organization.logo?.updatedAt ?? null }),
    participants: plan.participants.map((p) => ({
      id: p.id,
      side: p.side as Side,
      name: p.name || p.email,
      title: p.title,
      role: p.role as BuyingRole | null,
    })),
    steps: plan.milestones.map((m) => ({ ...milestoneView(m, names), internalOnly: m.internalOnly })),
    today: actorToday(seller),
  };
}

/**
 * The seller's plan as its buyers see it: no internal-only step, no deal name. A seller who prints
 * for the buyer, or saves a PDF to send, prints this one.
 */
export function asBuyerSees(plan: ExportedPlan): ExportedPlan {
  return { ...plan, audience: "BUYER", dealName: null, steps: plan.steps.filter((step) => !step.internalOnly) };
}
