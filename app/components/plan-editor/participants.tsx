import { Form } from "@remix-run/react";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { InputField, SelectField } from "~/components/ui/field";
import { BUYING_ROLES, BUYING_ROLE_LABELS } from "~/domain/types";
import { EditParticipantSchema, NewParticipantSchema } from "~/forms/participant";
import { ConflictNotice, FormErrors, useBaseVersion, useIntentResult, useIsPending } from "./intent-hooks";
import { formatMoment } from "~/components/format";
import { SavedNotice, useClosingPanel, useSavedToken } from "./notice";
import type { AccessRequestView, ParticipantView, PlanView } from "./types";
import { PlanEngagement, StakeholderLines, type EngagementView, type Names, type StakeholderEngagementView } from "./engagement";

const ACCESS_TONES = { INVITED: "gray", ACTIVE: "green", REVOKED: "red" } as const;
/** With engagement figures beside it, the badge leaves "last seen" to them. */
function accessLabel(p: ParticipantView, timezone: string, withFigures: boolean): string {
  if (p.accessState === "REVOKED") return "Revoked";
  if (p.accessState === "ACTIVE") return p.lastSeenAt && !withFigures ? `Active, last seen ${formatMoment(p.lastSeenAt, timezone)}` : "Active";
  return p.invitedAt ? `Invited ${formatMoment(p.invitedAt, timezone)}` : "Not invited yet";
}
const roleOptions = BUYING_ROLES.map((r) => ({ value: r, label: BUYING_ROLE_LABELS[r] }));

interface ParticipantsProps {
  plan: PlanView;
  accessRequests: AccessRequestView[];
  timezone: string;
  engagement: EngagementView | null;
}

export function Participants({ plan, accessRequests, timezone, engagement }: ParticipantsProps) {
  const names: Names = {
    titles: new Map(plan.milestones.map((m) => [m.id, m.title])),
    people: new Map(plan.participants.map((p) => [p.id, p.name || p.email])),
  };
  const sellers = plan.participants.filter((p) => p.side === "SELLER");
  const buyers = plan.participants.filter((p) => p.side === "BUYER");
  const invitable = buyers.filter((p) => p.accessState !== "REVOKED");
  const invite = useIntentResult("invite-buyers");
  const inviting = useIsPending("invite-buyers");
  return (
    <section id="people" className="scroll-mt-4 rounded-lg bg-white shadow-sm ring-1 ring-slate-200" aria-labelledby="people-heading">
      <h2 id="people-heading" className="border-b border-slate-200 px-4 py-3 font-semibold">
        People on the plan <SavedNotice anchor="people" className="ml-2" />
      </h2>
      <div className="px-4 py-3">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Buyer side</h3>
        {engagement && plan.status !== "DRAFT" ? <PlanEngagement engagement={engagement} /> : null}
        {buyers.length === 0 ? <p className="mt-2 text-sm text-slate-600">No buyer contacts yet. Add the champion and the economic buyer first.</p> : null}
        <ul className="mt-2 space-y-3">
          {buyers.map((p) => (
            <BuyerRow key={p.id} participant={p} timezone={timezone} figures={engagement?.stakeholders[p.id]} names={names} />
          ))}
        </ul>
        {invitable.length > 0 ? (
          <Form method="post" id="invite-buyers" className="mt-3 scroll-mt-4 space-y-2" preventScrollReset>
            <input type="hidden" name="intent" value="invite-buyers" />
            <FormErrors result={invite} />
            {invite?.result.error?.participantIds ? (
              <p role="alert" className="text-sm text-red-700">
                {invite.result.error.participantIds.join(" ")}
              </p>
            ) : null}
            <SavedNotice anchor="invite-buyers" className="block" />
            <p className="text-xs text-slate-500">
              {plan.status === "DRAFT" ? "Inviting shares the plan: its dates become the original dates. " : ""}Each invitation carries a new link and code; an
              earlier one stops working.
            </p>
            <Button type="submit" variant="secondary" pending={inviting}>
              Invite selected buyers
            </Button>
          </Form>
        ) : null}
        {accessRequests.length > 0 ? <AccessRequests requests={accessRequests} timezone={timezone} /> : null}
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

interface BuyerRowProps {
  participant: ParticipantView;
  timezone: string;
  figures: StakeholderEngagementView | undefined;
  names: Names;
}

function BuyerRow({ participant: p, timezone, figures, names }: BuyerRowProps) {
  const formId = `update-participant:${p.id}`;
  const result = useIntentResult(formId);
  const saved = useSavedToken(formId);
  const { base, markDirty } = useBaseVersion(p.version, result ?? saved);
  const panel = useClosingPanel(formId);
  const [form, fields] = useForm({
    id: `participant-${p.id}-v${base}`,
    lastResult: result?.result,
    defaultValue: { name: p.name, email: p.email, title: p.title, role: p.role ?? "OTHER" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditParticipantSchema }),
    shouldValidate: "onBlur",
  });
  const saving = useIsPending("update-participant", "participantId", p.id);
  const revoking = useIsPending("revoke-participant", "participantId", p.id);
  return (
    <li id={`participant-${p.id}`} className="scroll-mt-4 text-sm" data-testid="buyer-participant">
      <div className="flex flex-wrap items-center gap-2">
        {p.accessState !== "REVOKED" ? (
          <input type="checkbox" form="invite-buyers" name="participantIds" value={p.id} aria-label={`Invite ${p.name}`} className="size-4" />
        ) : null}
        <span className={`font-medium ${p.accessState === "REVOKED" ? "text-slate-400 line-through" : ""}`}>{p.name}</span>
        {p.role ? <Badge tone="blue">{BUYING_ROLE_LABELS[p.role]}</Badge> : null}
        <Badge tone={ACCESS_TONES[p.accessState]}>{accessLabel(p, timezone, Boolean(figures))}</Badge>
        <SavedNotice anchor={`participant-${p.id}`} />
      </div>
      <p className="text-slate-600">
        {p.title ? `${p.title} · ` : ""}
        {p.email}
      </p>
      {figures && p.accessState !== "INVITED" ? <StakeholderLines figures={figures} names={names} timezone={timezone} /> : null}
      {p.accessState !== "REVOKED" ? (
        <details ref={panel} className="mt-1" open={Boolean(result)}>
          <summary className="cursor-pointer text-brand-700">Edit</summary>
          <ConflictNotice result={result} className="mt-2" />
          <Form key={base} method="post" {...getFormProps(form)} onChange={markDirty} className="mt-2 space-y-2" preventScrollReset>
            <input type="hidden" name="intent" value="update-participant" />
            <input type="hidden" name="participantId" value={p.id} />
            <input type="hidden" name="version" value={base} />
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
  const panel = useClosingPanel("add-participant");
  return (
    <details ref={panel} className="border-t border-slate-200 px-4 py-3" open={Boolean(result)}>
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

function AccessRequests({ requests, timezone }: { requests: AccessRequestView[]; timezone: string }) {
  return (
    <div className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-3" data-testid="access-requests">
      <h3 className="text-sm font-semibold text-amber-900">Asking to join</h3>
      <ul className="mt-2 space-y-2 text-sm">
        {requests.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{r.email}</span>
            <span className="text-slate-600">{formatMoment(r.createdAt, timezone)}</span>
            <Form method="post" className="flex gap-2" preventScrollReset>
              <input type="hidden" name="intent" value="decide-access" />
              <input type="hidden" name="requestId" value={r.id} />
              <Button type="submit" name="decision" value="APPROVE" variant="secondary">
                Approve
              </Button>
              <Button type="submit" name="decision" value="DECLINE" variant="danger">
                Decline
              </Button>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}
