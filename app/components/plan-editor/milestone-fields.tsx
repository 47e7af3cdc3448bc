import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { InputField, SelectField } from "~/components/ui/field";
import { MILESTONE_STATUSES, MILESTONE_STATUS_LABELS, OWNER_SIDES, OWNER_SIDE_LABELS, STAGES } from "~/domain/types";
import type { ParticipantView } from "./types";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Field = FieldMetadata<any, any, string[]>;
type MilestoneFieldSet = Record<"title" | "output" | "ownerSide" | "ownerParticipantId" | "targetDate" | "status" | "gatesStage" | "internalOnly", Field>;

/** The milestone's fields, shared by the add and edit forms. */
export function MilestoneFields({ fields, participants }: { fields: MilestoneFieldSet; participants: ParticipantView[] }) {
  const people = participants.filter((p) => p.accessState !== "REVOKED");
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <InputField label="Title" {...getInputProps(fields.title, { type: "text" })} errors={fields.title.errors} className="sm:col-span-2" />
      <InputField
        label="Output"
        {...getInputProps(fields.output, { type: "text" })}
        hint="The artifact that proves it, e.g. “Signed evaluation summary”"
        errors={fields.output.errors}
        className="sm:col-span-2"
      />
      <SelectField
        label="Owner side"
        {...getSelectProps(fields.ownerSide)}
        options={OWNER_SIDES.map((s) => ({ value: s, label: OWNER_SIDE_LABELS[s] }))}
        errors={fields.ownerSide.errors}
      />
      <SelectField
        label="Owner"
        {...getSelectProps(fields.ownerParticipantId)}
        options={[{ value: "", label: "Unassigned" }, ...people.map((p) => ({ value: p.id, label: `${p.name} (${p.side === "BUYER" ? "buyer" : "seller"})` }))]}
        errors={fields.ownerParticipantId.errors}
      />
      <InputField label="Target date" {...getInputProps(fields.targetDate, { type: "date" })} errors={fields.targetDate.errors} />
      <SelectField
        label="Status"
        {...getSelectProps(fields.status)}
        options={MILESTONE_STATUSES.map((s) => ({ value: s, label: MILESTONE_STATUS_LABELS[s] }))}
        errors={fields.status.errors}
      />
      <SelectField
        label="Gates stage"
        {...getSelectProps(fields.gatesStage)}
        hint="Must be done before the deal leaves this stage"
        options={[{ value: "", label: "No gate" }, ...STAGES.map((s) => ({ value: String(s.number), label: `${s.number}. ${s.name}` }))]}
        errors={fields.gatesStage.errors}
      />
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input {...getInputProps(fields.internalOnly, { type: "checkbox" })} className="size-4" />
        Internal only (buyers never see it)
      </label>
    </div>
  );
}
