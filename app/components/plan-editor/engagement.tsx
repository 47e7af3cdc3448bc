// Buyer engagement on the deal page (docs/notifications.md, "Buyer engagement"): the plan's trend
// with the figures behind it, and under each buyer stakeholder their last seen moment, visits this
// week, last action and the steps they opened. Short lines that wrap on a phone.
import { describeActivity } from "~/components/activity-text";
import { formatMoment } from "~/components/format";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import type { EngagementDirection } from "~/domain/buyer-visits";
import type { ActivityEntry } from "~/models/activity.types";

export interface StakeholderEngagementView {
  lastSeenAt: string | null;
  visitsThisWeek: number;
  lastAction: ActivityEntry | null;
  openedSteps: Array<{ milestoneId: string; opens: number }>;
}

export interface EngagementView {
  direction: EngagementDirection;
  /** "Engagement: rising" */
  label: string;
  /** "9 visits and 4 changes in the last 14 days, against 3 and 1 before" */
  figures: string;
  stakeholders: Record<string, StakeholderEngagementView>;
}

const TONES: Record<EngagementDirection, BadgeTone> = { RISING: "green", FLAT: "gray", FALLING: "amber" };

export function PlanEngagement({ engagement }: { engagement: EngagementView }) {
  return (
    <p className="mt-2 text-sm" data-testid="plan-engagement">
      <Badge tone={TONES[engagement.direction]}>{engagement.label}</Badge> <span className="text-slate-600">{engagement.figures}</span>
    </p>
  );
}

/** Names for the history sentence: the plan's step titles and people by id. */
export interface Names {
  titles: ReadonlyMap<string, string>;
  people: ReadonlyMap<string, string>;
}

const SHOWN_STEPS = 3;

export function StakeholderLines({ figures, names, timezone }: { figures: StakeholderEngagementView; names: Names; timezone: string }) {
  const { lastSeenAt, visitsThisWeek, lastAction, openedSteps } = figures;
  const opened = openedSteps.filter((s) => names.titles.has(s.milestoneId));
  return (
    <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 text-xs text-slate-600" data-testid="stakeholder-engagement">
      <dt className="font-medium text-slate-500">Last seen</dt>
      <dd>{lastSeenAt ? formatMoment(lastSeenAt, timezone) : "Not yet"}</dd>
      <dt className="font-medium text-slate-500">This week</dt>
      <dd>{visitsThisWeek === 1 ? "1 visit" : `${visitsThisWeek} visits`}</dd>
      <dt className="font-medium text-slate-500">Last action</dt>
      <dd className="break-words">
        {lastAction ? `${describeActivity(lastAction, names.titles, names.people)} (${formatMoment(lastAction.at, timezone)})` : "None yet"}
      </dd>
      {opened.length > 0 ? (
        <>
          <dt className="font-medium text-slate-500">Opened</dt>
          <dd className="break-words">
            {opened
              .slice(0, SHOWN_STEPS)
              .map((s) => `${names.titles.get(s.milestoneId)}${s.opens > 1 ? ` (${s.opens}×)` : ""}`)
              .join(", ")}
            {opened.length > SHOWN_STEPS ? ` and ${opened.length - SHOWN_STEPS} more` : ""}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
