import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { FieldErrors, InputField, TextareaField } from "~/components/ui/field";
import { MAX_TEMPLATE_STEPS } from "~/domain/template-steps";
import type { IntentResult } from "~/forms/intent";
import { TemplateStepRow, type StepValues } from "./template-step-row";

export interface EditorValues {
  name: string;
  description: string;
  steps: StepValues[];
}

interface StoredState {
  name: string;
  version: number;
  steps: { title: string; dayOffset: number }[];
}

/**
 * What the form shows: after a refused save, exactly what was typed (a 400's echo, or a 409's
 * "yours"), so nothing is lost; otherwise the stored template.
 */
export function editorValues(stored: EditorValues, answer: IntentResult | undefined): EditorValues {
  const typed = (answer?.conflict?.yours ?? answer?.result.initialValue) as Record<string, unknown> | null | undefined;
  if (!answer || !typed) return stored;
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  const steps = Array.isArray(typed.steps) ? (typed.steps as Record<string, unknown>[]) : [];
  return {
    name: text(typed.name),
    description: text(typed.description),
    steps: steps.map((s) => ({
      title: text(s?.title),
      output: text(s?.output),
      ownerSide: text(s?.ownerSide),
      ownerRole: text(s?.ownerRole),
      dayOffset: text(s?.dayOffset),
      gatesStage: text(s?.gatesStage),
      internalOnly: s?.internalOnly === "on" || s?.internalOnly === true,
    })),
  };
}

/** The whole template in one form: every button saves everything typed, plus its own change. */
export function TemplateEditor({ values, version, answer }: { values: EditorValues; version: number; answer: IntentResult | undefined }) {
  const navigation = useNavigation();
  const stored = answer?.conflict?.current as StoredState | undefined;
  const errorsOf = (field: string) => answer?.result.error?.[field] ?? undefined;
  const pending = navigation.state === "submitting";
  return (
    <Form method="post" className="space-y-6" preventScrollReset>
      <input type="hidden" name="intent" value="save-template" />
      <input type="hidden" name="version" value={stored?.version ?? version} />
      {stored ? <ConflictBanner stored={stored} /> : null}
      <section aria-labelledby="template-details" className="card space-y-3 p-4">
        <h2 id="template-details" className="font-semibold">
          Details
        </h2>
        <InputField label="Name" id="template-name" name="name" defaultValue={values.name} required maxLength={120} errors={errorsOf("name")} />
        <TextareaField
          label="Description"
          id="template-description"
          name="description"
          defaultValue={values.description}
          rows={2}
          maxLength={1000}
          errors={errorsOf("description")}
        />
        {/* First in the form, so Enter in a field saves rather than moving a step. */}
        <Button type="submit" name="op" value="save" pending={pending}>
          Save template
        </Button>
      </section>
      <section id="steps" aria-labelledby="template-steps" className="card scroll-mt-4">
        <h2 id="template-steps" className="border-b border-slate-200 px-4 py-3 font-semibold">
          Steps <span className="font-normal text-slate-500">({values.steps.length})</span>
        </h2>
        <FieldErrors errors={errorsOf("steps")} />
        {values.steps.length === 0 ? <p className="px-4 py-6 text-sm text-slate-600">No steps yet. Plans made from this template start empty.</p> : null}
        <ol className="divide-y divide-slate-200">
          {values.steps.map((step, index) => (
            <TemplateStepRow key={index} index={index} count={values.steps.length} step={step} errorsOf={errorsOf} />
          ))}
        </ol>
        <div className="flex flex-wrap gap-3 border-t border-slate-200 px-4 py-3">
          <Button type="submit" name="op" value="add" variant="secondary" disabled={values.steps.length >= MAX_TEMPLATE_STEPS}>
            Add a step
          </Button>
          <Button type="submit" name="op" value="save" pending={pending}>
            Save template
          </Button>
        </div>
      </section>
    </Form>
  );
}

function ConflictBanner({ stored }: { stored: StoredState }) {
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <p className="font-medium">Someone else saved this template first. Your changes were not applied; they are still in the form below.</p>
      <p className="mt-1">
        Saved now: “{stored.name}”, {stored.steps.length} {stored.steps.length === 1 ? "step" : "steps"}
        {stored.steps.length ? `: ${stored.steps.map((s) => `${s.title} (Day ${s.dayOffset})`).join("; ")}` : ""}.
      </p>
      <p className="mt-1">Save again to replace it with yours, or reload the page to keep theirs.</p>
    </div>
  );
}
