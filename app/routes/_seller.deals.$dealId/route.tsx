import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { IntentResult } from "~/forms/intent";
import { answeredWithChanges, useWithSavedChanges } from "~/components/plan-editor/saved-changes";
import { ActivityList } from "~/components/plan-editor/activity-list";
import { DealEditor } from "~/components/plan-editor/deal-editor";
import { DealHeader } from "~/components/plan-editor/deal-header";
import { DealNotes } from "~/components/plan-editor/deal-notes";
import { MilestoneList } from "~/components/plan-editor/milestone-list";
import { NoPlan } from "~/components/plan-editor/no-plan";
import { SaveAsTemplate } from "~/components/plan-editor/save-as-template";
import { Participants } from "~/components/plan-editor/participants";
import { PlanCalendar } from "~/components/plan-editor/plan-calendar";
import { PlanSettings } from "~/components/plan-editor/plan-settings";
import { useLiveUpdates } from "~/components/use-live-updates";
import { EditDealSchema } from "~/forms/deal";
import { DeleteMilestoneSchema, EditMilestoneSchema, MoveMilestoneSchema, NewMilestoneSchema } from "~/forms/milestone";
import { EditParticipantSchema, NewParticipantSchema, RevokeParticipantSchema } from "~/forms/participant";
import { CreatePlanSchema, EditPlanSchema, SharePlanSchema } from "~/forms/plan";
import { actorToday } from "~/models/actor.server";
import { listAccessRequests } from "~/models/buyer-access.server";
import { getDealDiscussion } from "~/models/internal-note.server";
import { mayArchive, updateDeal } from "~/models/deal.server";
import { readDealPage } from "~/models/deal-workspace.server";
import { addMilestone, deleteMilestone, moveMilestone, updateMilestone } from "~/models/milestone.server";
import { addBuyerParticipant, revokeBuyerParticipant, updateBuyerParticipant } from "~/models/participant.server";
import { createPlan, sharePlan, updatePlan } from "~/models/plan.server";
import { savePlanAsTemplate, templateChoices } from "~/models/template.server";
import { SavePlanAsTemplateSchema } from "~/forms/template";
import { saveMeddpicc } from "~/models/meddpicc.server";
import { MeddpiccSchema } from "~/forms/meddpicc";
import { MEDDPICC_LETTERS, type MeddpiccScores } from "~/domain/meddpicc";
import { HealthPanel } from "~/components/signals/health-panel";
import { SlippageTable } from "~/components/signals/slippage-table";
import { UnreadableDateNotice } from "~/components/signals/unreadable-date";
import { ArchivePanel } from "~/components/plan-editor/archive-panel";
import { MeddpiccForm } from "~/components/plan-editor/meddpicc-form";
import { NoticeProvider } from "~/components/plan-editor/notice";
import type { SellerActor } from "~/models/actor.server";
import { requireSeller } from "~/utils/auth.server";
import { appUrl } from "~/utils/env.server";
import { asResponse, unknownIntent } from "~/utils/intent.server";
import { takeNotice } from "~/utils/flash.server";
import { countingMisses, sellerMisses } from "~/utils/rate-limit.server";
import { SHOWN_ONCE_CACHE_CONTROL, keepRetryAfter } from "~/utils/route-headers";
import { ErrorPage } from "~/root";
import { toDealView, toArchiveState, toEngagementView, toStakeholderView } from "./view.server";
import { StakeholderMapPanel } from "~/components/stakeholders/stakeholder-map";
import { ARCHIVE_INTENTS, archiveAction } from "./archive.server";
import { at, BUYER_ONLY_INTENTS, dealIntent, EMAILING_INTENTS, emailingAction, stakeholderAction } from "./intents.server";
import { dealEngagement } from "~/models/buyer-engagement.server";
import { createPlanFeed, listPlanFeeds, revokePlanFeed } from "~/models/calendar-feed.server";
import { CALENDAR_INTENTS, calendarFeedAction, calendarFeedsForPage } from "~/utils/calendar-feed-page.server";
import { readForm } from "~/utils/form-data.server";
import { planChangesAfterSave, planParts } from "./changes.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.deal.accountName} · Mutual` : "Deal · Mutual" }];

// A save that answered with what it changed, accepted or refused as stale, needs no reload. Else
// Remix skips reloading after a 4xx action, but after a 409 the page must show what is stored now.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, actionResult, defaultShouldRevalidate }) =>
  !answeredWithChanges(actionResult) && (actionStatus === 409 || defaultShouldRevalidate);

export const headers = keepRetryAfter;

// The deal's id comes from the URL: ids that lead nowhere count against the miss limits.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  return countingMisses(sellerMisses(seller, context), () => loadDeal(request, seller, params.dealId ?? ""));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  return countingMisses(sellerMisses(seller, context), () => runDealIntent(request, seller, params.dealId ?? ""));
}

async function loadDeal(request: Request, seller: SellerActor, dealId: string) {
  // The tag comes from the same statement as the rows: the next poll sees any change made after them.
  const dealPage = await readDealPage(seller, dealId).catch((error: unknown) => {
    throw asResponse(error);
  });
  const { workspace, changeTag } = dealPage;
  const parts = planParts(seller, dealPage);
  const [accessRequests, discussion, { notice, headers }, engagement, feeds] = await Promise.all([
    listAccessRequests(seller, workspace.id),
    getDealDiscussion(seller, workspace.id),
    takeNotice(request),
    dealEngagement(seller, workspace.id),
    workspace.plan ? listPlanFeeds(seller, workspace.id) : [],
  ]);
  const calendar = calendarFeedsForPage(request, feeds);
  const meddpicc = workspace.meddpicc;
  const page = {
    changeTag,
    notice,
    ...parts,
    archive: toArchiveState(workspace, mayArchive(seller, workspace), seller.role === "ADMIN"),
    meddpicc: {
      scores: meddpicc ? (Object.fromEntries(MEDDPICC_LETTERS.map(({ key }) => [key, meddpicc[key]])) as MeddpiccScores) : null,
      version: meddpicc?.version ?? 0,
    },
    deal: toDealView(workspace),
    stakeholders: toStakeholderView(workspace, actorToday(seller)),
    templates: workspace.plan ? [] : await templateChoices(seller),
    accessRequests: accessRequests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    discussion,
    engagement: toEngagementView(engagement),
    calendar: { feeds: calendar.feeds, newUrl: calendar.newUrl },
    today: actorToday(seller),
    timezone: seller.timezone,
  };
  const answer = new Headers(headers);
  if (calendar.clear) answer.append("Set-Cookie", calendar.clear);
  if (calendar.newUrl) answer.set("Cache-Control", SHOWN_ONCE_CACHE_CONTROL);
  return data(page, { headers: answer });
}

async function runDealIntent(request: Request, seller: SellerActor, dealId: string) {
  const form = await readForm(request);
  const { intent, id, run } = dealIntent(form, dealId);
  switch (intent) {
    case "update-deal":
      return run(EditDealSchema, intent, (v) => updateDeal(seller, dealId, v).then(() => at("deal-details")));
    case "create-plan":
      return run(CreatePlanSchema, intent, (v) => createPlan(seller, dealId, v).then(() => at("plan", "Plan created")));
    case "save-as-template":
      return run(SavePlanAsTemplateSchema, intent, (v) => savePlanAsTemplate(seller, dealId, v).then(() => at("save-as-template", "Saved as a template")));
    case "update-plan":
      return run(EditPlanSchema, intent, (v) => updatePlan(seller, dealId, v).then(() => at("plan")));
    case "share-plan":
      return run(SharePlanSchema, intent, (v) => sharePlan(seller, dealId, v.version).then(() => at("plan", "Plan shared")));
    case "add-milestone":
      return run(NewMilestoneSchema, intent, (v) => addMilestone(seller, dealId, v, appUrl(request)).then((m) => at(`milestone-${m.id}`, "Milestone added")));
    case "update-milestone": {
      let saved: string[] | null = null;
      return run(
        EditMilestoneSchema,
        id("milestoneId"),
        async (v) => {
          saved = (await updateMilestone(seller, dealId, v, appUrl(request))).activityIds;
          return at(`milestone-${v.milestoneId}`);
        },
        () => planChangesAfterSave(seller, dealId, form, saved),
      );
    }
    case "move-milestone":
      return run(MoveMilestoneSchema, id("milestoneId"), (v) =>
        moveMilestone(seller, dealId, v.milestoneId, v.direction, v.version).then(() => at(`milestone-${v.milestoneId}`, "Moved")),
      );
    case "delete-milestone":
      return run(DeleteMilestoneSchema, id("milestoneId"), (v) =>
        deleteMilestone(seller, dealId, v.milestoneId, v.version).then(() => at("milestones", "Milestone deleted")),
      );
    case "add-participant":
      return run(NewParticipantSchema, intent, (v) =>
        addBuyerParticipant(seller, dealId, v, appUrl(request)).then((p) => at(`participant-${p.id}`, "Contact added")),
      );
    case "update-participant":
      return run(EditParticipantSchema, id("participantId"), (v) => updateBuyerParticipant(seller, dealId, v).then(() => at(`participant-${v.participantId}`)));
    case "revoke-participant":
      return run(RevokeParticipantSchema, id("participantId"), (v) =>
        revokeBuyerParticipant(seller, dealId, v.participantId, v.version).then(() => at(`participant-${v.participantId}`, "Access removed")),
      );
    case "save-meddpicc":
      return run(MeddpiccSchema, intent, (v) => saveMeddpicc(seller, dealId, v).then(() => at("meddpicc")));
    case "save-stakeholder":
      return stakeholderAction(form, seller, dealId);
    default:
      if (EMAILING_INTENTS.has(intent)) return emailingAction(request, form, seller, dealId);
      if (ARCHIVE_INTENTS.has(intent)) return archiveAction(form, seller, dealId);
      if (CALENDAR_INTENTS.has(intent)) {
        return calendarFeedAction(request, form, `/deals/${dealId}`, seller, {
          create: () => createPlanFeed(seller, dealId),
          revoke: (feedId) => revokePlanFeed(seller, dealId, feedId),
        });
      }
      if (BUYER_ONLY_INTENTS.has(intent)) throw new Response("Only the buyer can do that.", { status: 403 });
      throw unknownIntent();
  }
}

export default function DealPage() {
  const {
    deal,
    plan,
    activity,
    today,
    timezone,
    accessRequests,
    signals,
    unreadableDate,
    meddpicc,
    archive,
    notice,
    changeTag,
    templates,
    discussion,
    engagement,
    calendar,
    stakeholders,
  } = useWithSavedChanges(useLoaderData<typeof loader>(), useActionData<IntentResult>());
  const titles = new Map((plan?.milestones ?? []).map((m) => [m.id, m.title]));
  const people = new Map((plan?.participants ?? []).map((p) => [p.id, p.name || p.email]));
  useLiveUpdates(`/deals/${deal.id}/changes`, changeTag);
  return (
    <NoticeProvider value={notice}>
      <main className="mx-auto max-w-6xl px-4 py-6">
        <p className="flex flex-wrap gap-x-4 text-sm">
          <Link to="/deals" className="text-brand-700 underline">
            Deals
          </Link>
          {plan ? (
            <span className="ml-auto flex gap-4 print:hidden" data-testid="export-links">
              <a href={`/deals/${deal.id}/print`} className="text-brand-700 underline">
                Print or save as PDF
              </a>
              <a href={`/deals/${deal.id}/plan.csv`} download className="text-brand-700 underline">
                Download plan as CSV
              </a>
            </span>
          ) : null}
        </p>
        <DealHeader deal={deal} plan={plan} />
        <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <section aria-labelledby="plan-heading" className="min-w-0 space-y-4">
            {signals ? (
              <HealthPanel signals={signals} targetCloseDate={deal.targetCloseDate} />
            ) : (
              <UnreadableDateNotice field={unreadableDate ?? "one of its dates"} />
            )}
            <StakeholderMapPanel view={stakeholders} />
            {plan ? (
              <>
                <PlanSettings plan={plan} />
                <MilestoneList plan={plan} today={today} people={people} discussion={discussion} pageTag={changeTag} />
                {signals ? <SlippageTable signals={signals} titles={titles} /> : null}
                <SaveAsTemplate planTitle={plan.title} steps={plan.milestones.length} />
              </>
            ) : (
              <NoPlan today={today} templates={templates} />
            )}
          </section>
          <aside className="min-w-0 space-y-6">
            <DealEditor deal={deal} />
            <MeddpiccForm scores={meddpicc.scores} version={meddpicc.version} />
            <DealNotes notes={discussion.dealNotes} timezone={timezone} />
            {plan ? <Participants plan={plan} accessRequests={accessRequests} timezone={timezone} engagement={engagement} /> : null}
            {plan ? <PlanCalendar feeds={calendar.feeds} newUrl={calendar.newUrl} timezone={timezone} /> : null}
            <ActivityList activity={activity} milestones={plan?.milestones ?? []} people={people} timezone={timezone} />
            <ArchivePanel state={archive} />
          </aside>
        </div>
      </main>
    </NoticeProvider>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
