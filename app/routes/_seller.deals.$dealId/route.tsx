import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Link, useLoaderData } from "@remix-run/react";
import { ActivityList } from "~/components/plan-editor/activity-list";
import { DealEditor } from "~/components/plan-editor/deal-editor";
import { DealHeader } from "~/components/plan-editor/deal-header";
import { MilestoneList } from "~/components/plan-editor/milestone-list";
import { NoPlan } from "~/components/plan-editor/no-plan";
import { Participants } from "~/components/plan-editor/participants";
import { PlanSettings } from "~/components/plan-editor/plan-settings";
import { useLiveUpdates } from "~/components/use-live-updates";
import { EditDealSchema } from "~/forms/deal";
import { DeleteMilestoneSchema, EditMilestoneSchema, MoveMilestoneSchema, NewMilestoneSchema } from "~/forms/milestone";
import { DecideAccessSchema, EditParticipantSchema, InviteBuyersSchema, NewParticipantSchema, RevokeParticipantSchema } from "~/forms/participant";
import { CreatePlanSchema, EditPlanSchema, SharePlanSchema } from "~/forms/plan";
import { actorToday } from "~/models/actor.server";
import { listDealActivity } from "~/models/activity.server";
import { decideAccessRequest, inviteBuyers, listAccessRequests } from "~/models/buyer-access.server";
import { getDealWorkspace, mayArchive, updateDeal } from "~/models/deal.server";
import { addMilestone, deleteMilestone, moveMilestone, updateMilestone } from "~/models/milestone.server";
import { addBuyerParticipant, revokeBuyerParticipant, updateBuyerParticipant } from "~/models/participant.server";
import { createPlan, sharePlan, updatePlan } from "~/models/plan.server";
import { saveMeddpicc } from "~/models/meddpicc.server";
import { loadDealFigures } from "~/models/signals.server";
import { MeddpiccSchema } from "~/forms/meddpicc";
import { MEDDPICC_LETTERS, type MeddpiccScores } from "~/domain/meddpicc";
import { HealthPanel } from "~/components/signals/health-panel";
import { SlippageTable } from "~/components/signals/slippage-table";
import { UnreadableDateNotice } from "~/components/signals/unreadable-date";
import { ArchivePanel } from "~/components/plan-editor/archive-panel";
import { MeddpiccForm } from "~/components/plan-editor/meddpicc-form";
import { requireSeller } from "~/utils/auth.server";
import { kickOutbox } from "~/utils/email.server";
import { appUrl } from "~/utils/env.server";
import { asResponse, runIntent, unknownIntent } from "~/utils/intent.server";
import { ErrorPage } from "~/root";
import { toDealView, toPlanView, toArchiveState } from "./view.server";
import { ARCHIVE_INTENTS, archiveAction } from "./archive.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.deal.accountName} · Mutual` : "Deal · Mutual" },
];

// Remix skips reloading after a 4xx action; after a 409 the page must show what is stored now.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const workspace = await getDealWorkspace(seller, params.dealId ?? "").catch((error) => {
    throw asResponse(error);
  });
  // Computed now for this one deal and written nowhere: a GET never writes the signal cache.
  const { signals, unreadableDate } = (await loadDealFigures(seller, [workspace.id])).get(workspace.id)!;
  const meddpicc = workspace.meddpicc;
  return {
    signals,
    unreadableDate,
    archive: toArchiveState(workspace, mayArchive(seller, workspace), seller.role === "ADMIN"),
    meddpicc: {
      scores: meddpicc ? (Object.fromEntries(MEDDPICC_LETTERS.map(({ key }) => [key, meddpicc[key]])) as MeddpiccScores) : null,
      version: meddpicc?.version ?? 0,
    },
    deal: toDealView(workspace),
    plan: workspace.plan ? toPlanView(workspace.plan) : null,
    activity: await listDealActivity(seller, workspace.id),
    accessRequests: (await listAccessRequests(seller, workspace.id)).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    today: actorToday(seller),
    timezone: seller.timezone,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  const dealId = params.dealId ?? "";
  const form = await request.formData();
  const id = (name: string) => `${form.get("intent")}:${form.get(name) ?? ""}`;

  switch (form.get("intent")) {
    case "update-deal":
      return runIntent(form, EditDealSchema, "update-deal", (v) => updateDeal(seller, dealId, v));
    case "create-plan":
      return runIntent(form, CreatePlanSchema, "create-plan", (v) => createPlan(seller, dealId, v));
    case "update-plan":
      return runIntent(form, EditPlanSchema, "update-plan", (v) => updatePlan(seller, dealId, v));
    case "share-plan":
      return runIntent(form, SharePlanSchema, "share-plan", (v) => sharePlan(seller, dealId, v.version));
    case "add-milestone":
      return runIntent(form, NewMilestoneSchema, "add-milestone", (v) => addMilestone(seller, dealId, v));
    case "update-milestone":
      return runIntent(form, EditMilestoneSchema, id("milestoneId"), (v) => updateMilestone(seller, dealId, v));
    case "move-milestone":
      return runIntent(form, MoveMilestoneSchema, id("milestoneId"), (v) => moveMilestone(seller, dealId, v.milestoneId, v.direction, v.version));
    case "delete-milestone":
      return runIntent(form, DeleteMilestoneSchema, id("milestoneId"), (v) => deleteMilestone(seller, dealId, v.milestoneId, v.version));
    case "add-participant":
      return runIntent(form, NewParticipantSchema, "add-participant", (v) => addBuyerParticipant(seller, dealId, v));
    case "update-participant":
      return runIntent(form, EditParticipantSchema, id("participantId"), (v) => updateBuyerParticipant(seller, dealId, v));
    case "revoke-participant":
      return runIntent(form, RevokeParticipantSchema, id("participantId"), (v) => revokeBuyerParticipant(seller, dealId, v.participantId, v.version));
    case "save-meddpicc":
      return runIntent(form, MeddpiccSchema, "save-meddpicc", (v) => saveMeddpicc(seller, dealId, v));
    case "invite-buyers":
      return sendingEmail(runIntent(form, InviteBuyersSchema, "invite-buyers", (v) => inviteBuyers(seller, dealId, v.participantIds, appUrl(request))));
    case "decide-access":
      return sendingEmail(
        runIntent(form, DecideAccessSchema, id("requestId"), (v) => decideAccessRequest(seller, dealId, v.requestId, v.decision, appUrl(request))),
      );
    default:
      if (ARCHIVE_INTENTS.has(String(form.get("intent")))) return archiveAction(form, seller, dealId);
      if (BUYER_ONLY_INTENTS.has(String(form.get("intent")))) throw new Response("Only the buyer can do that.", { status: 403 });
      throw unknownIntent();
  }
}

/** The buyer's own recorded acts (product.md): a seller posting one gets 403 and nothing changes. */
const BUYER_ONLY_INTENTS = new Set(["confirm", "accept-plan"]);

/** Starts delivering the emails an intent queued, once its transaction has committed. */
async function sendingEmail<T>(response: Promise<T>): Promise<T> {
  const result = await response;
  kickOutbox();
  return result;
}

export default function DealPage() {
  const { deal, plan, activity, today, timezone, accessRequests, signals, unreadableDate, meddpicc, archive } = useLoaderData<typeof loader>();
  const titles = new Map((plan?.milestones ?? []).map((m) => [m.id, m.title]));
  useLiveUpdates();
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <p className="text-sm">
        <Link to="/deals" className="text-brand-700 underline">
          Deals
        </Link>
      </p>
      <DealHeader deal={deal} plan={plan} />
      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <section aria-labelledby="plan-heading" className="min-w-0 space-y-4">
          {signals ? <HealthPanel signals={signals} targetCloseDate={deal.targetCloseDate} /> : <UnreadableDateNotice field={unreadableDate ?? "one of its dates"} />}
          {plan ? (
            <>
              <PlanSettings plan={plan} />
              <MilestoneList plan={plan} today={today} />
              {signals ? <SlippageTable signals={signals} titles={titles} /> : null}
            </>
          ) : (
            <NoPlan today={today} />
          )}
        </section>
        <aside className="min-w-0 space-y-6">
          <DealEditor deal={deal} />
          <MeddpiccForm scores={meddpicc.scores} version={meddpicc.version} />
          {plan ? <Participants plan={plan} accessRequests={accessRequests} timezone={timezone} /> : null}
          <ActivityList activity={activity} milestones={plan?.milestones ?? []} timezone={timezone} />
          <ArchivePanel state={archive} />
        </aside>
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
