import { Button } from "~/components/ui/button";
import { InputField, SelectField } from "~/components/ui/field";
import { MAX_DAY_OFFSET } from "~/domain/template-steps";
import { BUYING_ROLES, BUYING_ROLE_LABELS, OWNER_SIDES, OWNER_SIDE_LABELS, STAGES } from "~/domain/types";

/** A step as the editor shows it: stored values, or what was typed when a save was refused. */
export interface StepValues {
  title: string;
  output: string;
  ownerSide: string;
  ownerRole: string;
  dayOffset: string;
  gatesStage: string;
  internalOnly: boolean;
}

const SIDE_OPTIONS = OWNER_SIDES.map((side) => ({ value: side, label: OWNER_SIDE_LABELS[side] }));
const ROLE_OPTIONS = [{ value: "", label: "No particular role" }, ...BUYING_ROLES.map((role) => ({ value: role, label: BUYING_ROLE_LABELS[role] }))];
const STAGE_OPTIONS = [{ value: "", label: "No stage" }, ...STAGES.map((s) => ({ value: String(s.number), label: `${s.number}. ${s.name}` }))];

interface Props {
  index: number;
  count: number;
  step: StepValues;
  errorsOf: (field: string) => string[] | undefined;
}

/** One step's fields; its buttons post the whole editor with a change (move, remove) to apply. */
export function TemplateStepRow({ index, count, step, errorsOf }: Props) {
  const name = (field: string) => `steps[${index}].${field}`;
  const id = (field: string) => `step-${index}-${field}`;
  const field = (f: string) => ({ id: id(f), name: name(f), errors: errorsOf(name(f)) });
  return (
    <li id={`step-${index + 1}`} className="scroll-mt-4 px-4 py-4" data-testid="template-step">
      <fieldset className="grid gap-3 sm:grid-cols-6">
        <legend className="sr-only">Step {index + 1}</legend>
        <div className="flex items-center gap-2 sm:col-span-6">
          <span className="text-sm font-medium text-slate-500">Step {index + 1}</span>
          <span className="ml-auto flex gap-1">
            <Button type="submit" name="op" value={`up:${index}`} variant="ghost" disabled={index === 0} aria-label={`Move step ${index + 1} up`}>
              ↑
            </Button>
            <Button type="submit" name="op" value={`down:${index}`} variant="ghost" disabled={index === count - 1} aria-label={`Move step ${index + 1} down`}>
              ↓
            </Button>
            <Button type="submit" name="op" value={`remove:${index}`} variant="danger" aria-label={`Remove step ${index + 1}`}>
              Remove
            </Button>
          </span>
        </div>
        <InputField label="Title" {...field("title")} defaultValue={step.title} required maxLength={160} className="sm:col-span-4" />
        <InputField
          label="Day"
          {...field("dayOffset")}
          defaultValue={step.dayOffset}
          type="number"
          min={0}
          max={MAX_DAY_OFFSET}
          step={1}
          required
          hint="Days after the plan starts"
          className="sm:col-span-2"
        />
        <InputField label="Output" {...field("output")} defaultValue={step.output} maxLength={300} hint="What proves it happened" className="sm:col-span-6" />
        <SelectField label="Owner side" {...field("ownerSide")} defaultValue={step.ownerSide} options={SIDE_OPTIONS} className="sm:col-span-2" />
        <SelectField label="Buying role of the owner" {...field("ownerRole")} defaultValue={step.ownerRole} options={ROLE_OPTIONS} className="sm:col-span-2" />
        <SelectField
          label="Must be done before leaving"
          {...field("gatesStage")}
          defaultValue={step.gatesStage}
          options={STAGE_OPTIONS}
          className="sm:col-span-2"
        />
        <label className="flex items-center gap-2 text-sm sm:col-span-6">
          <input type="checkbox" name={name("internalOnly")} defaultChecked={step.internalOnly} />
          Internal only: buyers never see this step
        </label>
      </fieldset>
    </li>
  );
}
