import { Form } from "@remix-run/react";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Button } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { CreatePlanSchema } from "~/forms/plan";
import { describeTemplates, TemplatePicker, type TemplateOption } from "./template-picker";
import { useIntentResult, useIsPending } from "./intent-hooks";

export function NoPlan({ today, templates }: { today: string; templates: readonly TemplateOption[] }) {
  const result = useIntentResult("create-plan");
  const [form, fields] = useForm({
    id: "create-plan",
    lastResult: result?.result,
    defaultValue: { planStartDate: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreatePlanSchema }),
  });
  const pending = useIsPending("create-plan");
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6">
      <h2 id="plan-heading" className="font-semibold">
        This deal has no plan yet
      </h2>
      <p className="mt-1 text-sm text-slate-600">Start from {describeTemplates(templates)} or from a blank plan.</p>
      <Form method="post" {...getFormProps(form)} className="mt-4 flex flex-wrap items-end gap-3" preventScrollReset>
        <input type="hidden" name="intent" value="create-plan" />
        <TemplatePicker templates={templates} errors={fields.templateId.errors} selected={fields.templateId.initialValue} id="create-plan-template" />
        <InputField label="Plan start date" {...getInputProps(fields.planStartDate, { type: "date" })} errors={fields.planStartDate.errors} />
        <Button type="submit" name="planMode" value="template" pending={pending}>
          Create from template
        </Button>
        <Button type="submit" name="planMode" value="blank" variant="secondary">
          Blank plan
        </Button>
      </Form>
    </div>
  );
}
