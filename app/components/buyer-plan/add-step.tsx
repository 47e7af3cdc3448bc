/** @jsxImportSource ~/html */
import { Button, InputField, PostForm, SelectField } from "~/html/ui";
import { answerFor, errorsOf, type IntentResult } from "~/forms/intent";
import type { BuyerPlanView } from "~/models/buyer-plan.types";

export function AddStep({ view, answer }: { view: BuyerPlanView; answer?: IntentResult }) {
  const result = answerFor(answer, "add-milestone");
  return (
    <details id="add-step" className="card p-4" open={Boolean(result && !result.ok)}>
      <summary className="cursor-pointer font-medium text-brand-700">Add a step</summary>
      <PostForm intent="add-milestone" className="mt-3 space-y-3">
        <InputField label="Title" id="new-title" name="title" required errors={errorsOf(result, "title")} />
        <InputField label="Proof it is done (optional)" id="new-output" name="output" errors={errorsOf(result, "output")} />
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField
            label="Owned by"
            id="new-side"
            name="ownerSide"
            selected="BUYER"
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
            selected={view.me.participantId}
            options={[
              { value: "", label: "No owner yet" },
              ...view.participants.filter((p) => p.side === "BUYER").map((p) => ({ value: p.id, label: p.name })),
            ]}
            errors={errorsOf(result, "ownerParticipantId")}
          />
          <InputField label="Target date" id="new-date" name="targetDate" type="date" defaultValue={view.today} required errors={errorsOf(result, "targetDate")} />
        </div>
        <Button type="submit">Add step</Button>
      </PostForm>
    </details>
  );
}
