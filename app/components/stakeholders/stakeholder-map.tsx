// The deal page's stakeholder map (docs/stakeholders.md): six buying roles against relationship
// strength, one small form per role so each saves on its own, with or without JavaScript.
import { Form } from "@remix-run/react";
import { STAKEHOLDER_ROLE_INFO, STRENGTH_LABELS, STRENGTHS, type StakeholderCell } from "~/domain/stakeholders";
import { errorsOf } from "~/forms/intent";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConflictNotice, useBaseVersion, useIntentResult, useIsPending } from "~/components/plan-editor/intent-hooks";
import { SavedNotice, useSavedToken } from "~/components/plan-editor/notice";
import { typedValue } from "~/components/buyer-plan/post-form";

export interface StakeholderPanelView {
  cells: Array<StakeholderCell & { stored: { role: string; strength: string; holderParticipantId: string; version: number } }>;
  weakOrUnknown: number;
  highRiskReason: string | null;
  buyers: Array<{ id: string; name: string }>;
}

export const STRENGTH_TONES: Record<StakeholderCell["strength"], BadgeTone> = { STRONG: "green", LUKEWARM: "blue", WEAK: "amber", UNKNOWN: "red" };

export function StakeholderMapPanel({ view }: { view: StakeholderPanelView }) {
  const people = new Map(view.buyers.map((b) => [b.id, b.name]));
  const risks = view.cells.filter((c) => c.risk);
  return (
    <section id="stakeholders" aria-labelledby="stakeholders-heading" className="card scroll-mt-4 space-y-3 p-4" data-testid="stakeholder-map">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="stakeholders-heading" className="font-semibold">
          Stakeholder map
        </h2>
        <p className="text-sm text-slate-600">
          {view.weakOrUnknown} of {view.cells.length} buying roles weak or unknown · seen only by your team
        </p>
      </div>
      {view.highRiskReason ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="stakeholder-high-risk">
          {view.highRiskReason}. Rebuild the map or de-risk the forecast.
        </p>
      ) : null}
      <ul className="divide-y divide-slate-200">
        {view.cells.map((cell) => (
          <li key={cell.role}>
            <RoleRow cell={cell} buyers={view.buyers} people={people} />
          </li>
        ))}
      </ul>
      {risks.length > 0 ? (
        <div>
          <h3 className="text-sm font-medium">Missing roles</h3>
          <ul className="mt-1 list-disc pl-5 text-sm text-red-800" data-testid="stakeholder-risks">
            {risks.map((c) => (
              <li key={c.role}>{c.risk}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function RoleRow({
  cell,
  buyers,
  people,
}: {
  cell: StakeholderPanelView["cells"][number];
  buyers: StakeholderPanelView["buyers"];
  people: ReadonlyMap<string, string>;
}) {
  const formId = `save-stakeholder:${cell.role}`;
  const result = useIntentResult(formId);
  const saved = useSavedToken(formId);
  const { base, markDirty } = useBaseVersion(cell.stored.version, result ?? saved);
  const pending = useIsPending("save-stakeholder", "role", cell.role);
  const info = STAKEHOLDER_ROLE_INFO[cell.role];
  const strengthId = `stakeholder-${cell.role}-strength`;
  const holderId = `stakeholder-${cell.role}-holder`;
  const strengthErrors = errorsOf(result, "strength");
  const holderErrors = errorsOf(result, "holderParticipantId");
  return (
    <div id={`stakeholder-${cell.role}`} className="scroll-mt-4 py-3" data-testid={`stakeholder-${cell.role}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{info.label}</span>
        <Badge tone={STRENGTH_TONES[cell.strength]}>{STRENGTH_LABELS[cell.strength]}</Badge>
        <span className="text-xs text-slate-500">{cell.source === "REP" ? "the rep's reading" : "suggested from engagement"}</span>
        <SavedNotice anchor={`stakeholder-${cell.role}`} />
      </div>
      <p className="text-xs text-slate-500">
        {info.decides}. Engagement suggests {STRENGTH_LABELS[cell.suggested].toLowerCase()}: {cell.why.charAt(0).toLowerCase() + cell.why.slice(1)}.
      </p>
      <ConflictNotice result={result} people={people} className="mt-2" />
      <Form method="post" key={base} onChange={markDirty} preventScrollReset className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-end">
        <input type="hidden" name="intent" value="save-stakeholder" />
        <input type="hidden" name="role" value={cell.role} />
        <input type="hidden" name="version" value={base} />
        <label htmlFor={strengthId} className="flex flex-col text-sm sm:w-52">
          <span className="sr-only">{info.label}: </span>Strength
          <select
            id={strengthId}
            name="strength"
            defaultValue={typedValue(result, "strength") ?? cell.stored.strength}
            aria-invalid={strengthErrors ? true : undefined}
            aria-describedby={strengthErrors ? `${strengthId}-error` : undefined}
            className="control mt-1"
          >
            <option value="">Suggested ({STRENGTH_LABELS[cell.suggested]})</option>
            {STRENGTHS.map((s) => (
              <option key={s} value={s}>
                {STRENGTH_LABELS[s]}
              </option>
            ))}
          </select>
          {strengthErrors ? (
            <span id={`${strengthId}-error`} className="text-sm text-red-700">
              {strengthErrors.join(" ")}
            </span>
          ) : null}
        </label>
        <label htmlFor={holderId} className="flex flex-col text-sm sm:flex-1">
          <span className="sr-only">{info.label}: </span>Who
          <select
            id={holderId}
            name="holderParticipantId"
            defaultValue={typedValue(result, "holderParticipantId") ?? cell.stored.holderParticipantId}
            aria-invalid={holderErrors ? true : undefined}
            aria-describedby={holderErrors ? `${holderId}-error` : undefined}
            className="control mt-1"
          >
            <option value="">No one named</option>
            {buyers.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
          {holderErrors ? (
            <span id={`${holderId}-error`} className="text-sm text-red-700">
              {holderErrors.join(" ")}
            </span>
          ) : null}
        </label>
        <Button type="submit" pending={pending}>
          Save<span className="sr-only"> {info.label}</span>
        </Button>
      </Form>
    </div>
  );
}
