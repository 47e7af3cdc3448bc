import type { ActivityEntry } from "~/models/activity.types";
import { formatMoment } from "~/components/format";
import { actorSideLabel, describeActivity } from "~/components/activity-text";
/** Only ids and titles are needed, to name milestones in the history. */
type Titled = { id: string; title: string };

export function ActivityList({
  activity,
  milestones,
  people,
  timezone,
}: {
  activity: ActivityEntry[];
  milestones: Titled[];
  /** Participants' names by id, to name a step's new owner. */
  people?: ReadonlyMap<string, string>;
  timezone: string;
}) {
  const titles = new Map(milestones.map((m) => [m.id, m.title]));
  return (
    <section className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200" aria-labelledby="activity-heading">
      <h2 id="activity-heading" className="border-b border-slate-200 px-4 py-3 font-semibold">
        Activity
      </h2>
      {activity.length === 0 ? <p className="px-4 py-3 text-sm text-slate-600">Nothing has happened yet.</p> : null}
      <ol className="divide-y divide-slate-100" data-testid="activity-list">
        {activity.map((entry) => (
          <li key={entry.id} className="px-4 py-2 text-sm" data-testid="activity-entry">
            <p>
              <span className="font-medium">{entry.actorName}</span>
              <span className="text-slate-500"> ({actorSideLabel(entry.actorSide)})</span> {describeActivity(entry, titles, people)}
            </p>
            <p className="text-xs text-slate-500">
              <time dateTime={entry.at}>{formatMoment(entry.at, timezone)}</time>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
