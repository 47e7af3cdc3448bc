import { Form } from "@remix-run/react";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Button } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { CreatePlanSchema } from "~/forms/plan";
import { DEFAULT_TEMPLATE_STEPS } from "~/domain/default-template";
import { useIntentResult, useIsPending } from "./intent-hooks";

export function NoPlan({ today }: { today: string }) {
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
      <p className="mt-1 text-sm text-slate-600">
        Start from the standard template ({DEFAULT_TEMPLATE_STEPS.length} milestones, from business case to countersignature) or from a blank plan.
      </p>
      <Form method="post" {...getFormProps(form)} className="mt-4 flex flex-wrap items-end gap-3" preventScrollReset>
        <input type="hidden" name="intent" value="create-plan" />
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
