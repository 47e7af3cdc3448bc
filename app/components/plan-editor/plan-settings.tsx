import { Form } from "@remix-run/react";
import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Button } from "~/components/ui/button";
import { InputField, TextareaField } from "~/components/ui/field";
import { formatCalendarDate } from "~/domain/dates";
import { EditPlanSchema } from "~/forms/plan";
import { ConflictNotice, FormErrors, useBaseVersion, useIntentResult, useIsPending } from "./intent-hooks";
import { SavedNotice, useClosingPanel, useSavedToken } from "./notice";
import type { PlanView } from "./types";

export function PlanSettings({ plan }: { plan: PlanView }) {
  const result = useIntentResult("update-plan");
  const shareResult = useIntentResult("share-plan");
  const saved = useSavedToken("update-plan");
  const { base, markDirty } = useBaseVersion(plan.version, result ?? saved);
  const panel = useClosingPanel("update-plan");
  const [form, fields] = useForm({
    id: `update-plan-${base}`,
    lastResult: result?.result,
    defaultValue: { title: plan.title, summary: plan.summary, allowedDomains: plan.allowedDomains.split(" ").join(", ") },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditPlanSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const saving = useIsPending("update-plan");
  const sharing = useIsPending("share-plan");
  return (
    <div id="plan" className="scroll-mt-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="text-lg font-semibold">{plan.title}</h2>
          <p className="text-sm text-slate-600">{planStatusLine(plan)}</p>
          <SavedNotice anchor="plan" />
          {plan.summary ? <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{plan.summary}</p> : null}
        </div>
        {plan.status === "DRAFT" ? (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="share-plan" />
            <input type="hidden" name="version" value={plan.version} />
            <Button type="submit" variant="secondary" pending={sharing} title="Freezes the original target dates">
              Mark as shared
            </Button>
          </Form>
        ) : null}
      </div>
      <ConflictNotice result={shareResult} />
      <details ref={panel} className="mt-3" open={Boolean(result)}>
        <summary className="cursor-pointer text-sm text-brand-700">Edit plan title, summary and allowed domains</summary>
        <ConflictNotice result={result} className="mt-3" />
        <Form key={base} method="post" {...getFormProps(form)} onChange={markDirty} className="mt-3 space-y-3" preventScrollReset>
          <input type="hidden" name="intent" value="update-plan" />
          <input type="hidden" name="version" value={base} />
          <FormErrors result={result} />
          <InputField label="Title" {...getInputProps(fields.title, { type: "text" })} errors={fields.title.errors} />
          <TextareaField label="Summary for the buyer" {...getTextareaProps(fields.summary)} rows={3} errors={fields.summary.errors} />
          <InputField
            label="Allowed buyer email domains"
            {...getInputProps(fields.allowedDomains, { type: "text" })}
            hint="People from these domains can join through a forwarded link, e.g. acme.com, acme.co.uk"
            errors={fields.allowedDomains.errors}
          />
          <Button type="submit" pending={saving}>
            Save plan
          </Button>
        </Form>
      </details>
    </div>
  );
}

function planStatusLine(plan: PlanView): string {
  if (plan.status === "DRAFT") return "Draft: buyers have not seen it yet. Original dates follow your edits until you share it.";
  const shared = plan.sharedOn ? `Shared ${formatCalendarDate(plan.sharedOn)}` : "Shared";
  if (plan.status === "ACCEPTED") return `${shared} · accepted by ${plan.acceptedByName ?? "the buyer"}`;
  return `${shared} · not yet accepted by the buyer`;
}
