import { SelectField } from "~/components/ui/field";

/** A template a plan can start from, as the new-plan forms list it. */
export interface TemplateOption {
  id: string;
  name: string;
  isDefault: boolean;
  steps: number;
}

/** The organization's templates in use, the default first; a single one needs no choice. */
export function TemplatePicker({
  templates,
  errors,
  selected,
  id = "templateId",
}: {
  templates: readonly TemplateOption[];
  errors?: string[];
  /** The one picked before a refused post, so the form comes back as it was sent. */
  selected?: unknown;
  id?: string;
}) {
  if (templates.length === 0) return null;
  if (templates.length === 1) return <input type="hidden" name="templateId" value={templates[0].id} />;
  return (
    <SelectField
      label="Template"
      id={id}
      name="templateId"
      defaultValue={typeof selected === "string" && templates.some((t) => t.id === selected) ? selected : templates[0].id}
      options={templates.map((t) => ({ value: t.id, label: `${t.name} (${t.steps} ${t.steps === 1 ? "step" : "steps"})` }))}
      errors={errors}
      className="max-w-md"
    />
  );
}

/** "Standard B2B plan (8 steps)": how the one template on offer is named beside its button. */
export function describeTemplates(templates: readonly TemplateOption[]): string {
  if (templates.length === 1) return `the ${templates[0].name} template (${templates[0].steps} ${templates[0].steps === 1 ? "step" : "steps"})`;
  return "one of your organization's templates";
}
