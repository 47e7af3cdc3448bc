import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { FieldErrors, InputField, SelectField } from "~/components/ui/field";
import { Panel } from "~/components/ui/panel";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES, WEBHOOK_KIND_LABELS, WEBHOOK_KINDS } from "~/domain/webhook-events";
import type { IntentResult } from "~/forms/intent";
import { fieldErrors, useAnswer } from "./settings-notice";

const KIND_OPTIONS = WEBHOOK_KINDS.map((kind) => ({ value: kind, label: WEBHOOK_KIND_LABELS[kind] }));

/**
 * What a refused form showed when it was sent (a 400's echo), so that without JavaScript nothing
 * typed is lost and no event is ticked again; `stored` otherwise.
 */
export function typedOr(answer: IntentResult | undefined, field: string, stored: string): string {
  const typed = answer?.result.initialValue?.[field];
  if (!answer?.result.initialValue) return stored;
  return typeof typed === "string" ? typed : "";
}

export function typedEventsOr(answer: IntentResult | undefined, stored: readonly string[]): readonly string[] {
  if (!answer?.result.initialValue) return stored;
  const typed = answer.result.initialValue.events;
  return Array.isArray(typed) ? typed.map(String) : typeof typed === "string" ? [typed] : [];
}

/** The events as checkboxes; `checked` are ticked (all of them for a new endpoint). */
export function EventChoices({ idPrefix, checked, errors }: { idPrefix: string; checked: readonly string[]; errors?: string[] }) {
  return (
    <fieldset aria-describedby={errors?.length ? `${idPrefix}-events-error` : undefined}>
      <legend className="label">Events</legend>
      <div className="mt-1 grid gap-1 sm:grid-cols-2">
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="events" value={type} defaultChecked={checked.includes(type)} />
            {WEBHOOK_EVENT_LABELS[type]}
          </label>
        ))}
      </div>
      <FieldErrors id={`${idPrefix}-events-error`} errors={errors} />
    </fieldset>
  );
}

export function NewEndpointForm({ resetKey }: { resetKey?: string }) {
  const answer = useAnswer("create-endpoint");
  return (
    <Panel headingId="new-webhook-heading" title="Add a webhook" className="p-4">
      <Form method="post" key={resetKey} className="mt-3 space-y-3" noValidate>
        <input type="hidden" name="intent" value="create-endpoint" />
        <InputField
          label="Address that receives the events"
          id="webhook-url"
          name="url"
          type="url"
          inputMode="url"
          required
          placeholder="https://"
          defaultValue={typedOr(answer, "url", "")}
          errors={fieldErrors(answer, "url")}
          hint="For Slack or Teams, paste the incoming webhook address the app gave you."
        />
        <SelectField
          label="Kind"
          id="webhook-kind"
          name="kind"
          options={KIND_OPTIONS}
          defaultValue={typedOr(answer, "kind", "STANDARD")}
          errors={fieldErrors(answer, "kind")}
        />
        <InputField
          label="Description (optional)"
          id="webhook-description"
          name="description"
          defaultValue={typedOr(answer, "description", "")}
          maxLength={200}
          errors={fieldErrors(answer, "description")}
        />
        <EventChoices idPrefix="new-webhook" checked={typedEventsOr(answer, WEBHOOK_EVENT_TYPES)} errors={fieldErrors(answer, "events")} />
        <Button type="submit">Add webhook</Button>
      </Form>
    </Panel>
  );
}

/** A one-button form posting `intent` for this page's endpoint. */
export function IntentButton({
  intent,
  label,
  variant = "secondary",
  hidden,
}: {
  intent: string;
  label: string;
  variant?: "secondary" | "danger";
  hidden?: Record<string, string>;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant}>
        {label}
      </Button>
    </Form>
  );
}
