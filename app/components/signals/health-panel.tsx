import { Badge } from "~/components/ui/badge";
import { formatCalendarDate } from "~/domain/dates";
import type { DealSignals } from "~/domain/signals";
import { FORECAST_LABELS } from "~/domain/types";
import { HEALTH_LABELS, HEALTH_TONES, PLAN_STATUS_SIGNAL_LABELS, PLAN_STATUS_TONES } from "./labels";

/** What the plan says about the deal, with the reasons behind each figure. */
export function HealthPanel({ signals, targetCloseDate }: { signals: DealSignals; targetCloseDate: string }) {
  const { health, forecast } = signals;
  return (
    <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-labelledby="health-heading" data-testid="health-panel">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="health-heading" className="font-semibold">
          Deal health
        </h2>
        <span className="text-2xl font-semibold" data-testid="health-score">
          {health.score}
        </span>
        <Badge tone={HEALTH_TONES[health.label]}>{HEALTH_LABELS[health.label]}</Badge>
        {signals.planStatus ? (
          <Badge tone={PLAN_STATUS_TONES[signals.planStatus]}>Plan {PLAN_STATUS_SIGNAL_LABELS[signals.planStatus].toLowerCase()}</Badge>
        ) : null}
      </div>
      <ul className="mt-2 space-y-0.5 text-sm text-slate-700" data-testid="health-reasons" aria-label="What the score is made of">
        {health.deductions.map((d) => (
          <li key={d.reason} className="flex gap-2">
            <span className="w-10 shrink-0 text-right font-medium tabular-nums text-red-700" data-testid="health-deduction-points">
              −{d.points}
              <span className="sr-only"> points:</span>
            </span>
            <span>{d.reason}</span>
          </li>
        ))}
        {health.notes.map((note) => (
          <li key={note} className="flex gap-2">
            <span className="w-10 shrink-0" aria-hidden="true" />
            <span className="text-slate-600">{note}</span>
          </li>
        ))}
      </ul>
      {health.deductions.length > 0 ? (
        <p className="mt-1 text-xs text-slate-500">
          100 − {health.deductions.reduce((sum, d) => sum + d.points, 0)} points = {health.score}
        </p>
      ) : null}

      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold">Forecast category</h3>
          <p className="mt-1 text-sm">
            Plan says <strong data-testid="derived-category">{FORECAST_LABELS[forecast.derived]}</strong> · rep called{" "}
            <strong>{FORECAST_LABELS[forecast.rep]}</strong>{" "}
            {forecast.overCalled ? <Badge tone="red">Over-called</Badge> : forecast.underCalled ? <Badge tone="blue">Under-called</Badge> : null}
          </p>
          <ul className="mt-1 list-inside list-disc space-y-0.5 text-sm text-slate-600" data-testid="forecast-reasons">
            {forecast.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="text-sm font-semibold">Projected close</h3>
          {signals.projectedCloseDate ? (
            <p className="mt-1 text-sm">
              <strong>{formatCalendarDate(signals.projectedCloseDate)}</strong> against a target of {formatCalendarDate(targetCloseDate)}
              {signals.projectedOutsideQuarter ? (
                <span className="text-red-700"> · after the end of {signals.closeQuarter.label}</span>
              ) : signals.projectedAfterTarget ? (
                <span className="text-amber-700"> · late, but inside {signals.closeQuarter.label}</span>
              ) : (
                <span className="text-emerald-700"> · on time</span>
              )}
            </p>
          ) : (
            <p className="mt-1 text-sm text-slate-600">No milestones to project from.</p>
          )}
          {signals.likelyToPush ? <p className="mt-1 text-sm text-red-700">Two or more milestones slipped: likely to push to the next quarter.</p> : null}
        </div>
      </div>

      {signals.stagePush.pushed ? (
        <div className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900" role="note" data-testid="stage-push">
          <p className="font-medium">Stage-pushed</p>
          <ul className="list-inside list-disc">
            {signals.stagePush.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {signals.planSizeWarning ? (
        <p className="mt-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" role="note">
          {signals.planSizeWarning === "TOO_FEW"
            ? "Fewer than 6 milestones: plans this short tend to miss the procurement, legal or security steps."
            : "More than 20 milestones: plans this long overwhelm the buyer and stall."}
        </p>
      ) : null}
    </section>
  );
}
