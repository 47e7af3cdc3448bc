import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DashboardTabs } from "~/components/dashboard/dashboard-tabs";
import { NoticeProvider } from "~/components/plan-editor/notice";
import { ReviewDealCard } from "~/components/review/review-deal-card";
import { Button } from "~/components/ui/button";
import { addDays, formatCalendarDate } from "~/domain/dates";
import { previousWeek, resolveReviewWeek, REVIEW_GROUP_LABELS } from "~/domain/deal-review";
import { ReviewNoteSchema } from "~/forms/stakeholders";
import { actorToday, type SellerActor } from "~/models/actor.server";
import { addReviewNote, loadDealReview, reviewSubject } from "~/models/deal-review.server";
import { requireSeller } from "~/utils/auth.server";
import { takeNotice } from "~/utils/flash.server";
import { readForm } from "~/utils/form-data.server";
import { asResponse, runIntent, unknownIntent } from "~/utils/intent.server";
import { countingMisses, sellerMisses } from "~/utils/rate-limit.server";
import { keepRetryAfter } from "~/utils/route-headers";
import { ErrorPage } from "~/root";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Weekly review: ${data.subject.name} · Mutual` : "Weekly review · Mutual" }];

export const headers = keepRetryAfter;

/** The review's rep and week, from the URL: a rep the actor may not review is a 404. */
async function reviewOf(request: Request, seller: SellerActor) {
  const params = new URL(request.url).searchParams;
  const { subject, people } = await reviewSubject(seller, params.get("rep")).catch((error) => {
    throw asResponse(error);
  });
  return { subject, people, ...resolveReviewWeek(params.get("week"), actorToday(seller)) };
}

// The rep's id comes from the URL: ids that lead nowhere count against the miss limits.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  return countingMisses(sellerMisses(seller, context), async () => {
    const { subject, people, week, thisWeek, notice: weekNotice } = await reviewOf(request, seller);
    const [deals, { notice, headers }] = await Promise.all([loadDealReview(seller, subject.id, week), takeNotice(request)]);
    const page = { subject, people, week, thisWeek, weekNotice, deals, notice, managerView: seller.role !== "REP", timezone: seller.timezone };
    return data(page, { headers });
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  return countingMisses(sellerMisses(seller, context), async () => {
    const { subject, week } = await reviewOf(request, seller);
    const form = await readForm(request);
    const intent = String(form.get("intent") ?? "");
    if (intent !== "add-review-note") throw unknownIntent();
    const page = `/review?${new URLSearchParams({ rep: subject.id, week })}`;
    return runIntent(form, ReviewNoteSchema, `${intent}:${form.get("dealId") ?? ""}`, page, (v) =>
      addReviewNote(seller, subject.id, week, v).then(() => ({ anchor: `review-${v.dealId}`, message: "Note saved" })),
    );
  });
}

export default function WeeklyReview() {
  const { subject, people, week, thisWeek, weekNotice, deals, notice, managerView } = useLoaderData<typeof loader>();
  const link = (w: string) => `/review?${new URLSearchParams({ rep: subject.id, week: w })}`;
  return (
    <NoticeProvider value={notice}>
      <main className="mx-auto max-w-5xl space-y-5 px-4 py-6">
        {managerView ? <DashboardTabs query="" /> : null}
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold">Weekly review: {subject.name}</h1>
            <p className="text-sm text-slate-600" data-testid="review-week">
              Week of {formatCalendarDate(week)} to {formatCalendarDate(addDays(week, 6))}
              {week === thisWeek ? " (this week)" : ""}
            </p>
          </div>
          {people.length > 1 ? (
            <Form method="get" className="flex items-end gap-2">
              <input type="hidden" name="week" value={week} />
              <label className="flex flex-col text-sm">
                Rep
                <select name="rep" defaultValue={subject.id} className="control mt-1">
                  {people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                      {p.teamName ? ` (${p.teamName})` : ""}
                    </option>
                  ))}
                </select>
              </label>
              <Button type="submit" variant="secondary">
                Open review
              </Button>
            </Form>
          ) : null}
        </div>
        <nav aria-label="Weeks" className="flex flex-wrap gap-4 text-sm">
          <Link to={link(previousWeek(week))} className="text-brand-700 underline">
            Previous week
          </Link>
          {week < thisWeek ? (
            <>
              <Link to={link(addDays(week, 7))} className="text-brand-700 underline">
                Next week
              </Link>
              <Link to={link(thisWeek)} className="text-brand-700 underline">
                This week
              </Link>
            </>
          ) : null}
        </nav>
        {weekNotice ? (
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {weekNotice}
          </p>
        ) : null}
        {week < thisWeek && deals.length > 0 ? (
          <p className="text-sm text-slate-600" data-testid="review-as-of-today">
            Health, steps and stakeholders are as of today, not as they were that week.
          </p>
        ) : null}
        {deals.length === 0 ? <p className="card p-4 text-sm text-slate-600">{subject.name} has no open deals to review.</p> : null}
        <ol className="space-y-4" aria-label="Deals in the order to discuss them">
          {deals.map((deal, i) => (
            <li key={deal.id}>
              {i === 0 || deals[i - 1].group !== deal.group ? <h2 className="mb-2 text-lg font-semibold">{REVIEW_GROUP_LABELS[deal.group]}</h2> : null}
              <ReviewDealCard deal={deal} week={week} isThisWeek={week === thisWeek} />
            </li>
          ))}
        </ol>
      </main>
    </NoticeProvider>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
