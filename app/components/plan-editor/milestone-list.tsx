import { Form } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { MilestoneStatusBadge } from "~/components/deal-badges";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { formatCalendarDate } from "~/domain/dates";
import { daysOverdue, daysSlipped } from "~/domain/slippage";
import { OWNER_SIDE_LABELS } from "~/domain/types";
import { EditMilestoneSchema, NewMilestoneSchema } from "~/forms/milestone";
import { ConflictNotice, FormErrors, useBaseVersion, useIntentResult, useIsPending } from "./intent-hooks";
import { MilestoneFields } from "./milestone-fields";
import { SavedNotice, useClosingPanel, useSavedToken } from "./notice";
import { AskForChanges } from "./saved-changes";
import { StepDiscussion } from "./step-discussion";
import type { MilestoneView, PlanView } from "./types";
import type { DealDiscussion } from "~/models/discussion.types";

export function MilestoneList({
  plan,
  today,
  people,
  discussion,
  pageTag,
}: {
  plan: PlanView;
  today: string;
  people: ReadonlyMap<string, string>;
  discussion?: DealDiscussion;
  /** The page's change tag, sent with a step's save so its answer can say whether the page is current. */
  pageTag: string;
}) {
  const count = plan.milestones.length;
  return (
    <div id="milestones" className="scroll-mt-4 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
        <h2 id="plan-heading" className="font-semibold">
          Milestones <span className="font-normal text-slate-500">({count})</span>
        </h2>
        <SavedNotice anchor="milestones" />
      </div>
      {count === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-600">No milestones yet. Add the first step the buyer and you agree on.</p>
      ) : (
        <ol className="divide-y divide-slate-200">
          {plan.milestones.map((m, index) => (
            <MilestoneRow
              key={m.id}
              milestone={m}
              plan={plan}
              people={people}
              today={today}
              first={index === 0}
              last={index === count - 1}
              discussion={discussion}
              pageTag={pageTag}
            />
          ))}
        </ol>
      )}
      <AddMilestone plan={plan} today={today} />
    </div>
  );
}

interface RowProps {
  milestone: MilestoneView;
  plan: PlanView;
  people: ReadonlyMap<string, string>;
  today: string;
  first: boolean;
  last: boolean;
  discussion?: DealDiscussion;
  pageTag: string;
}

function MilestoneRow({ milestone: m, plan, people, today, first, last, discussion, pageTag }: RowProps) {
  const formId = `update-milestone:${m.id}`;
  const result = useIntentResult(formId);
  const moveResult = useIntentResult(`move-milestone:${m.id}`);
  const deleteResult = useIntentResult(`delete-milestone:${m.id}`);
  const overdue = daysOverdue(m.targetDate, today, m.completion === "DONE");
  const slipped = daysSlipped(m.originalTargetDate, m.targetDate);
  const panel = useClosingPanel(formId);
  return (
    <li id={`milestone-${m.id}`} className="scroll-mt-4 px-4 py-3" data-testid="milestone" data-milestone-id={m.id}>
      <div className="flex items-start gap-3">
        <span className="mt-0.5 w-6 shrink-0 text-right text-sm text-slate-400">{m.position}</span>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <p className="font-medium" data-testid="milestone-title">
              {m.title}
            </p>
            <MilestoneStatusBadge status={m.status} completion={m.completion} />
            {overdue > 0 ? (
              <Badge tone="red">
                {overdue} {overdue === 1 ? "day" : "days"} overdue
              </Badge>
            ) : null}
            {m.internalOnly ? <Badge>Internal only</Badge> : null}
            {m.gatesStage ? <Badge tone="blue">Gates stage {m.gatesStage}</Badge> : null}
            <SavedNotice anchor={`milestone-${m.id}`} />
          </div>
          <p className="mt-1 text-sm text-slate-600">
            <span data-testid="milestone-date">{formatCalendarDate(m.targetDate)}</span>
            {slipped > 0 ? (
              <span className="text-amber-700">
                {" "}
                (was {formatCalendarDate(m.originalTargetDate)}, +{slipped}d)
              </span>
            ) : null}
            {" · "}
            {OWNER_SIDE_LABELS[m.ownerSide]}
            {m.ownerName ? `: ${m.ownerName}` : ", unassigned"}
            {m.output ? ` · ${m.output}` : ""}
          </p>
          <ConflictNotice result={moveResult ?? deleteResult} people={people} />
          <details ref={panel} className="mt-2" open={Boolean(result && !result.ok)}>
            <summary className="cursor-pointer text-sm text-brand-700">Edit</summary>
            <EditMilestone milestone={m} plan={plan} people={people} formId={formId} pageTag={pageTag} />
          </details>
          {discussion ? <StepDiscussion milestone={m} discussion={discussion} /> : null}
        </div>
        <div className="flex shrink-0 flex-col gap-1">
          <MoveButton milestone={m} direction="up" disabled={first} />
          <MoveButton milestone={m} direction="down" disabled={last} />
        </div>
      </div>
    </li>
  );
}

function MoveButton({ milestone, direction, disabled }: { milestone: MilestoneView; direction: "up" | "down"; disabled: boolean }) {
  const pending = useIsPending("move-milestone", "milestoneId", milestone.id);
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="move-milestone" />
      <input type="hidden" name="milestoneId" value={milestone.id} />
      <input type="hidden" name="version" value={milestone.version} />
      <input type="hidden" name="direction" value={direction} />
      <button
        type="submit"
        disabled={disabled || pending}
        className="rounded px-2 py-0.5 text-slate-500 hover:bg-slate-100 disabled:opacity-30"
        aria-label={`Move “${milestone.title}” ${direction}`}
      >
        {direction === "up" ? "↑" : "↓"}
      </button>
    </Form>
  );
}

function EditMilestone({
  milestone: m,
  plan,
  people,
  formId,
  pageTag,
}: {
  milestone: MilestoneView;
  plan: PlanView;
  people: ReadonlyMap<string, string>;
  formId: string;
  pageTag: string;
}) {
  const result = useIntentResult(formId);
  const saved = useSavedToken(formId);
  const { base, markDirty } = useBaseVersion(m.version, result ?? saved);
  const [form, fields] = useForm({
    id: `milestone-${m.id}-v${base}`,
    lastResult: result?.result,
    defaultValue: {
      title: m.title,
      output: m.output,
      ownerSide: m.ownerSide,
      ownerParticipantId: m.ownerParticipantId ?? "",
      targetDate: m.targetDate,
      status: m.status,
      gatesStage: m.gatesStage ? String(m.gatesStage) : "",
      internalOnly: m.internalOnly ? "on" : undefined,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditMilestoneSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const saving = useIsPending("update-milestone", "milestoneId", m.id);
  const deleting = useIsPending("delete-milestone", "milestoneId", m.id);
  return (
    <div className="mt-3 space-y-3 rounded-md bg-slate-50 p-3" key={base}>
      <ConflictNotice result={result} people={people} />
      <Form method="post" {...getFormProps(form)} onChange={markDirty} className="space-y-3" preventScrollReset>
        <input type="hidden" name="intent" value="update-milestone" />
        <input type="hidden" name="milestoneId" value={m.id} />
        <input type="hidden" name="version" value={base} />
        <AskForChanges pageTag={pageTag} />
        <FormErrors result={result} />
        <MilestoneFields fields={fields} participants={plan.participants} />
        <Button type="submit" pending={saving}>
          Save milestone
        </Button>
      </Form>
      <Form
        method="post"
        preventScrollReset
        onSubmit={(event) => {
          if (!confirm(`Delete “${m.title}”? Its history stays in the activity list.`)) event.preventDefault();
        }}
      >
        <input type="hidden" name="intent" value="delete-milestone" />
        <input type="hidden" name="milestoneId" value={m.id} />
        <input type="hidden" name="version" value={m.version} />
        <Button type="submit" variant="danger" pending={deleting}>
          Delete milestone
        </Button>
      </Form>
    </div>
  );
}

function AddMilestone({ plan, today }: { plan: PlanView; today: string }) {
  const result = useIntentResult("add-milestone");
  const [form, fields] = useForm({
    id: `add-milestone-${plan.milestones.length}`,
    lastResult: result?.result,
    defaultValue: { ownerSide: "BUYER", status: "NOT_STARTED", targetDate: today, ownerParticipantId: "", gatesStage: "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewMilestoneSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const pending = useIsPending("add-milestone");
  const panel = useClosingPanel("add-milestone");
  return (
    <details ref={panel} className="border-t border-slate-200 px-4 py-3" open={Boolean(result)}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700">Add a milestone</summary>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3" preventScrollReset>
        <input type="hidden" name="intent" value="add-milestone" />
        <FormErrors result={result} />
        <MilestoneFields fields={fields} participants={plan.participants} />
        <Button type="submit" pending={pending}>
          Add milestone
        </Button>
      </Form>
    </details>
  );
}
