import { Button } from "~/components/ui/button";
import { InputField, SelectField } from "~/components/ui/field";
import { answerFor, errorsOf, type IntentResult } from "~/forms/intent";
import type { BuyerPlanView } from "~/models/buyer-plan.types";
import { PostForm, SavedNotice, typedValue } from "./post-form";

export function AddStep({ view, answer, saved }: { view: BuyerPlanView; answer?: IntentResult; saved: boolean }) {
  const result = answerFor(answer, "add-milestone");
  const typed = (field: string) => typedValue(result, field);
  return (
    <details id="add-step" className="card p-4" open={Boolean(result && !result.ok)}>
      <summary className="cursor-pointer font-medium text-brand-700">Add a step</summary>
      <PostForm intent="add-milestone" className="mt-3 space-y-3">
        <InputField label="Title" id="new-title" name="title" required defaultValue={typed("title")} errors={errorsOf(result, "title")} />
        <InputField label="Proof it is done (optional)" id="new-output" name="output" defaultValue={typed("output")} errors={errorsOf(result, "output")} />
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField
            label="Owned by"
            id="new-side"
            name="ownerSide"
            defaultValue={typed("ownerSide") ?? "BUYER"}
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
            defaultValue={typed("ownerParticipantId") ?? view.me.participantId}
            options={[
              { value: "", label: "No owner yet" },
              ...view.participants.filter((p) => p.side === "BUYER").map((p) => ({ value: p.id, label: p.name })),
            ]}
            errors={errorsOf(result, "ownerParticipantId")}
          />
          <InputField
            label="Target date"
            id="new-date"
            name="targetDate"
            type="date"
            defaultValue={typed("targetDate") ?? view.today}
            required
            errors={errorsOf(result, "targetDate")}
          />
        </div>
        <Button type="submit">Add step</Button>
      </PostForm>
      <SavedNotice shown={saved}>Step added.</SavedNotice>
    </details>
  );
}
