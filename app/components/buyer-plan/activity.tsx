/** @jsxImportSource ~/html */
import { formatMoment } from "~/components/format";
import { actorSideLabel, describeActivity } from "~/components/activity-text";
import type { BuyerPlanView } from "~/models/buyer-plan.types";

/** The plan's history as the buyer may see it; the seller's page has the React twin (plan-editor/activity-list). */
export function Activity({ view }: { view: BuyerPlanView }) {
  const titles = new Map(view.milestones.map((m) => [m.id, m.title]));
  return (
    <section className="card" aria-labelledby="activity-heading">
      <h2 id="activity-heading" className="border-b border-slate-200 px-4 py-3 font-semibold">
        Activity
      </h2>
      {view.activity.length === 0 ? <p className="px-4 py-3 text-sm text-slate-600">Nothing has happened yet.</p> : null}
      <ol className="divide-y divide-slate-100" data-testid="activity-list">
        {view.activity.map((entry) => (
          <li className="px-4 py-2 text-sm" data-testid="activity-entry">
            <p>
              <span className="font-medium">{entry.actorName}</span>
              <span className="text-slate-500"> ({actorSideLabel(entry.actorSide)})</span> {describeActivity(entry, titles)}
            </p>
            <p className="text-xs text-slate-500">
              <time dateTime={entry.at}>{formatMoment(entry.at, view.timezone)}</time>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
