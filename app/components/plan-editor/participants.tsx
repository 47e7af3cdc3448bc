import { Form } from "@remix-run/react";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { InputField, SelectField } from "~/components/ui/field";
import { BUYING_ROLES, BUYING_ROLE_LABELS } from "~/domain/types";
import { EditParticipantSchema, NewParticipantSchema } from "~/forms/participant";
import { ConflictNotice, FormErrors, useIntentResult, useIsPending } from "./intent-hooks";
import type { ParticipantView, PlanView } from "./types";

const ACCESS_TONES = { INVITED: "gray", ACTIVE: "green", REVOKED: "red" } as const;
const ACCESS_LABELS = { INVITED: "Not yet active", ACTIVE: "Active", REVOKED: "Revoked" } as const;
const roleOptions = BUYING_ROLES.map((r) => ({ value: r, label: BUYING_ROLE_LABELS[r] }));

export function Participants({ plan }: { plan: PlanView }) {
  const sellers = plan.participants.filter((p) => p.side === "SELLER");
  const buyers = plan.participants.filter((p) => p.side === "BUYER");
  return (
    <section className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200" aria-labelledby="people-heading">
      <h2 id="people-heading" className="border-b border-slate-200 px-4 py-3 font-semibold">
        People on the plan
      </h2>
      <div className="px-4 py-3">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Buyer side</h3>
        {buyers.length === 0 ? <p className="mt-2 text-sm text-slate-600">No buyer contacts yet. Add the champion and the economic buyer first.</p> : null}
        <ul className="mt-2 space-y-3">
          {buyers.map((p) => (
            <BuyerRow key={p.id} participant={p} />
          ))}
        </ul>
        <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">Seller side</h3>
        <ul className="mt-2 space-y-1 text-sm">
          {sellers.map((p) => (
            <li key={p.id}>
              {p.name} <span className="text-slate-500">{p.email}</span>
            </li>
          ))}
        </ul>
      </div>
      <AddBuyer count={buyers.length} />
    </section>
  );
}

function BuyerRow({ participant: p }: { participant: ParticipantView }) {
  const formId = `update-participant:${p.id}`;
  const result = useIntentResult(formId);
  const [form, fields] = useForm({
    id: `participant-${p.id}-v${p.version}`,
    lastResult: result?.result,
    defaultValue: { name: p.name, email: p.email, title: p.title, role: p.role ?? "OTHER" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditParticipantSchema }),
    shouldValidate: "onBlur",
  });
  const saving = useIsPending("update-participant", "participantId", p.id);
  const revoking = useIsPending("revoke-participant", "participantId", p.id);
  return (
    <li className="text-sm" data-testid="buyer-participant">
      <div className="flex flex-wrap items-center gap-2">
        <span className={`font-medium ${p.accessState === "REVOKED" ? "text-slate-400 line-through" : ""}`}>{p.name}</span>
        {p.role ? <Badge tone="blue">{BUYING_ROLE_LABELS[p.role]}</Badge> : null}
        <Badge tone={ACCESS_TONES[p.accessState]}>{ACCESS_LABELS[p.accessState]}</Badge>
      </div>
      <p className="text-slate-600">
        {p.title ? `${p.title} · ` : ""}
        {p.email}
      </p>
      {p.accessState !== "REVOKED" ? (
        <details className="mt-1" open={Boolean(result && !result.ok)}>
          <summary className="cursor-pointer text-brand-700">Edit</summary>
          <Form key={p.version} method="post" {...getFormProps(form)} className="mt-2 space-y-2" preventScrollReset>
            <input type="hidden" name="intent" value="update-participant" />
            <input type="hidden" name="participantId" value={p.id} />
            <input type="hidden" name="version" value={p.version} />
            <ConflictNotice result={result} />
            <FormErrors result={result} />
            <InputField label="Name" {...getInputProps(fields.name, { type: "text" })} errors={fields.name.errors} />
            <InputField label="Email" {...getInputProps(fields.email, { type: "email" })} errors={fields.email.errors} />
            <InputField label="Job title" {...getInputProps(fields.title, { type: "text" })} errors={fields.title.errors} />
            <SelectField label="Buying role" {...getSelectProps(fields.role)} options={roleOptions} errors={fields.role.errors} />
            <Button type="submit" pending={saving}>
              Save
            </Button>
          </Form>
          <Form
            method="post"
            className="mt-2"
            preventScrollReset
            onSubmit={(event) => {
              if (!confirm(`Remove ${p.name}'s access to this plan?`)) event.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="revoke-participant" />
            <input type="hidden" name="participantId" value={p.id} />
            <input type="hidden" name="version" value={p.version} />
            <Button type="submit" variant="danger" pending={revoking}>
              Remove access
            </Button>
          </Form>
        </details>
      ) : null}
    </li>
  );
}

function AddBuyer({ count }: { count: number }) {
  const result = useIntentResult("add-participant");
  const [form, fields] = useForm({
    id: `add-participant-${count}`,
    lastResult: result?.result,
    defaultValue: { role: "CHAMPION" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewParticipantSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const pending = useIsPending("add-participant");
  return (
    <details className="border-t border-slate-200 px-4 py-3" open={Boolean(result && !result.ok)}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700">Add a buyer contact</summary>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-2" preventScrollReset>
        <input type="hidden" name="intent" value="add-participant" />
        <FormErrors result={result} />
        <InputField label="Name" {...getInputProps(fields.name, { type: "text" })} errors={fields.name.errors} />
        <InputField label="Email" {...getInputProps(fields.email, { type: "email" })} errors={fields.email.errors} />
        <InputField label="Job title" {...getInputProps(fields.title, { type: "text" })} errors={fields.title.errors} />
        <SelectField label="Buying role" {...getSelectProps(fields.role)} options={roleOptions} errors={fields.role.errors} />
        <p className="text-xs text-slate-500">Adding a contact sends nothing. Inviting them by email is a separate step.</p>
        <Button type="submit" pending={pending}>
          Add contact
        </Button>
      </Form>
    </details>
  );
}
