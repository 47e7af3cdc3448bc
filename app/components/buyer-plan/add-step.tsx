import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { InputField, SelectField } from "~/components/ui/field";
import { useIntentResult } from "~/components/plan-editor/intent-hooks";
import type { BuyerPlanView } from "~/models/buyer-plan.types";
import { errorsOf } from "./field-errors";

export function AddStep({ view }: { view: BuyerPlanView }) {
  const result = useIntentResult("add-milestone");
  return (
    <details id="add-step" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" open={Boolean(result && !result.ok)}>
      <summary className="cursor-pointer font-medium text-brand-700">Add a step</summary>
      <Form method="post" className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="add-milestone" />
        <InputField label="Title" id="new-title" name="title" required errors={errorsOf(result, "title")} />
        <InputField label="Proof it is done (optional)" id="new-output" name="output" errors={errorsOf(result, "output")} />
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField
            label="Owned by"
            id="new-side"
            name="ownerSide"
            defaultValue="BUYER"
            options={[
              { value: "BUYER", label: "Our team" },
              { value: "JOINT", label: "Both teams" },
            ]}
            errors={errorsOf(result, "ownerSide")}
          />
          <SelectField
            label="Owner"
            id="new-owner"
            name="ownerParticipantId"
            defaultValue={view.me.participantId}
            options={[
              { value: "", label: "No owner yet" },
              ...view.participants.filter((p) => p.side === "BUYER").map((p) => ({ value: p.id, label: p.name })),
            ]}
            errors={errorsOf(result, "ownerParticipantId")}
          />
          <InputField label="Target date" id="new-date" name="targetDate" type="date" defaultValue={view.today} required errors={errorsOf(result, "targetDate")} />
        </div>
        <Button type="submit">
          Add step
        </Button>
      </Form>
    </details>
  );
}
