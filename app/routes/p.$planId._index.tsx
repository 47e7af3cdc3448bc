// The buyer's plan page: mobile-first, every action a small form that posts (it all works
// without JavaScript), and only what getBuyerPlan selects ever reaches the browser.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, Link, useLoaderData, useParams, useSearchParams } from "@remix-run/react";
import { AddStep } from "~/components/buyer-plan/add-step";
import { MilestoneCard } from "~/components/buyer-plan/milestone-card";
import { People } from "~/components/buyer-plan/people";
import { PlanHeader } from "~/components/buyer-plan/plan-header";
import { ActivityList } from "~/components/plan-editor/activity-list";
import { compareCalendarDates } from "~/domain/dates";
import { stageName } from "~/domain/types";
import {
  BuyerAcceptSchema,
  BuyerAddMilestoneSchema,
  BuyerAssignSchema,
  BuyerCommentSchema,
  BuyerInviteSchema,
  BuyerMilestoneActionSchema,
  BuyerRedateSchema,
} from "~/forms/buyer";
import {
  buyerAcceptPlan,
  buyerAddMilestone,
  buyerAssignOwner,
  buyerComment,
  buyerConfirm,
  buyerInviteColleague,
  buyerMarkDone,
  buyerRedate,
  getBuyerPlan,
} from "~/models/buyer-plan.server";
import type { BuyerPlanView } from "~/models/buyer-plan.types";
import { requireBuyerForPlan } from "~/utils/buyer-auth.server";
import { kickOutbox } from "~/utils/email.server";
import { appUrl } from "~/utils/env.server";
import { runIntent, unknownIntent } from "~/utils/intent.server";
import { endSession } from "~/utils/session.server";
import { ErrorPage, type PageHandle } from "~/root";
import enhancementScript from "~/scripts/buyer-page.js?url";

// Buyers open this page from email on their phones, and it works without JavaScript: it is not
// hydrated, and one small script enhances it instead (docs/decisions/0004-buyer-page-without-react.md).
export const handle: PageHandle = { hydrate: false, scripts: [enhancementScript] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.plan.title} · Mutual` : "Mutual action plan" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const buyer = await requireBuyerForPlan(request, params.planId ?? "");
  return getBuyerPlan(buyer);
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate;

/** What only the seller may do. A buyer posting one gets 403 and nothing changes. */
const SELLER_ONLY_INTENTS = new Set([
  "update-deal",
  "create-plan",
  "update-plan",
  "share-plan",
  "update-milestone",
  "move-milestone",
  "delete-milestone",
  "add-participant",
  "update-participant",
  "revoke-participant",
  "invite-buyers",
  "decide-access",
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const planId = params.planId ?? "";
  const buyer = await requireBuyerForPlan(request, planId);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const id = `${intent}:${form.get("milestoneId") ?? ""}`;

  switch (intent) {
    case "add-milestone":
      return runIntent(form, BuyerAddMilestoneSchema, intent, (v) => buyerAddMilestone(buyer, v));
    case "redate":
      return runIntent(form, BuyerRedateSchema, id, (v) => buyerRedate(buyer, v));
    case "assign-owner":
      return runIntent(form, BuyerAssignSchema, id, (v) => buyerAssignOwner(buyer, v));
    case "mark-done":
      return runIntent(form, BuyerMilestoneActionSchema, id, (v) => buyerMarkDone(buyer, v));
    case "confirm":
      return runIntent(form, BuyerMilestoneActionSchema, id, (v) => buyerConfirm(buyer, v));
    case "comment":
      return runIntent(form, BuyerCommentSchema, id, (v) => buyerComment(buyer, v));
    case "accept-plan":
      return runIntent(form, BuyerAcceptSchema, intent, (v) => buyerAcceptPlan(buyer, v.version));
    case "invite-colleague": {
      const response = await runIntent(form, BuyerInviteSchema, intent, (v) => buyerInviteColleague(buyer, v, appUrl(request)));
      kickOutbox();
      return response;
    }
    case "sign-out":
      return endSession(request, `/p/${planId}/join`, "BUYER");
    default:
      if (SELLER_ONLY_INTENTS.has(intent)) throw new Response("Only the seller can do that.", { status: 403 });
      throw unknownIntent();
  }
}

type Milestone = BuyerPlanView["milestones"][number];

/** Date order, or grouped by the deal stage each step gates. */
function groupMilestones(milestones: Milestone[], byStage: boolean): Array<{ heading: string | null; items: Milestone[] }> {
  const byDate = [...milestones].sort((a, b) => compareCalendarDates(a.targetDate, b.targetDate) || a.position - b.position);
  if (!byStage) return [{ heading: null, items: byDate }];
  const groups = new Map<number, Milestone[]>();
  for (const m of byDate) groups.set(m.gatesStage ?? 99, [...(groups.get(m.gatesStage ?? 99) ?? []), m]);
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([stage, items]) => ({ heading: stage === 99 ? "Other steps" : `Before stage ${stage}: ${stageName(stage)}`, items }));
}

export default function BuyerPlan() {
  const view = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const byStage = searchParams.get("view") === "stage";
  const commentsFor = (milestoneId: string) => view.comments.filter((c) => c.milestoneId === milestoneId);

  return (
    <main data-plan-page className="mx-auto max-w-3xl space-y-4 px-3 py-4 sm:px-4 sm:py-8">
      <div className="flex items-center justify-between text-sm">
        <span className="font-bold text-brand-700">Mutual</span>
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out" />
          <span className="mr-2 text-slate-600">{view.me.name}</span>
          <button className="text-slate-600 underline">Sign out</button>
        </Form>
      </div>
      <PlanHeader view={view} />

      <section aria-labelledby="steps-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="steps-heading" className="text-lg font-semibold">
            Steps
          </h2>
          <nav className="flex gap-1 rounded-md bg-slate-100 p-1 text-sm" aria-label="Order of steps">
            <Link to="?" className={`rounded px-2 py-1 ${byStage ? "text-slate-600" : "bg-white shadow-sm"}`} aria-current={byStage ? undefined : "true"}>
              By date
            </Link>
            <Link to="?view=stage" className={`rounded px-2 py-1 ${byStage ? "bg-white shadow-sm" : "text-slate-600"}`} aria-current={byStage ? "true" : undefined}>
              By stage
            </Link>
          </nav>
        </div>
        {view.milestones.length === 0 ? <p className="rounded-lg bg-white p-4 text-slate-600 ring-1 ring-slate-200">No steps yet. Add the first one below.</p> : null}
        {groupMilestones(view.milestones, byStage).map((group) => (
          <div key={group.heading ?? "all"} className="space-y-3">
            {group.heading ? <h3 className="pt-2 text-sm font-semibold uppercase tracking-wide text-slate-500">{group.heading}</h3> : null}
            <ol className="space-y-3">
              {group.items.map((m) => (
                <MilestoneCard key={m.id} milestone={m} people={view.participants} comments={commentsFor(m.id)} today={view.today} />
              ))}
            </ol>
          </div>
        ))}
        <AddStep view={view} />
      </section>

      <People view={view} />
      <ActivityList activity={view.activity} milestones={view.milestones} timezone={view.timezone} />
    </main>
  );
}

export function ErrorBoundary() {
  const { planId } = useParams();
  return <ErrorPage home={{ href: `/p/${planId}/join`, label: "Open the plan with your email" }} />;
}
