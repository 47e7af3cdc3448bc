import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useState } from "react";
import { DealFields } from "~/components/deal-fields";
import { Button } from "~/components/ui/button";
import { InputField, SelectField } from "~/components/ui/field";
import { TemplatePicker } from "~/components/plan-editor/template-picker";
import { NewDealSchema } from "~/forms/deal";
import { actorToday } from "~/models/actor.server";
import { assignableOwners, createDeal } from "~/models/deal.server";
import { templateChoices } from "~/models/template.server";
import { requireSeller } from "~/utils/auth.server";
import { runIntent } from "~/utils/intent.server";
import { readForm } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "New deal · Mutual" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  return { owners: await assignableOwners(seller), templates: await templateChoices(seller), me: seller.userId, today: actorToday(seller) };
}

export async function action({ request }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  return runIntent(await readForm(request), NewDealSchema, "new-deal", "/deals/new", async (value) => {
    const deal = await createDeal(seller, value);
    return { path: `/deals/${deal.id}`, anchor: "deal", message: "Deal created" };
  });
}

export default function NewDeal() {
  const { owners, templates, me, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "new-deal",
    lastResult: actionData?.result,
    defaultValue: {
      currency: "USD",
      stage: "2",
      repForecastCategory: "PIPELINE",
      ownerId: me,
      planMode: "template",
      planStartDate: today,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewDealSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [planMode, setPlanMode] = useState(String(fields.planMode.initialValue ?? "template"));

  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <p className="text-sm">
        <Link to="/deals" className="text-brand-700 underline">
          Deals
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold">New deal</h1>
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-6 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <DealFields fields={fields} />
        {owners.length > 1 ? (
          <SelectField
            label="Owner"
            {...getSelectProps(fields.ownerId)}
            options={owners.map((o) => ({ value: o.id, label: o.name }))}
            errors={fields.ownerId.errors}
          />
        ) : (
          <input type="hidden" name="ownerId" value={me} />
        )}

        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-700">Plan</legend>
          {[
            { value: "template", label: "From a template" },
            { value: "blank", label: "Blank plan" },
            { value: "none", label: "No plan yet" },
          ].map((option) => (
            <label key={option.value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="planMode" value={option.value} defaultChecked={planMode === option.value} onChange={() => setPlanMode(option.value)} />
              {option.label}
            </label>
          ))}
          {planMode === "template" ? (
            <TemplatePicker templates={templates} errors={fields.templateId.errors} selected={fields.templateId.initialValue} />
          ) : null}
          {planMode === "template" ? (
            <InputField
              label="Plan start date"
              {...getInputProps(fields.planStartDate, { type: "date" })}
              hint="Template steps are dated from this day: Day 7 is a week later."
              errors={fields.planStartDate.errors}
              className="max-w-xs"
            />
          ) : null}
        </fieldset>

        <div className="flex gap-3">
          <Button type="submit" pending={navigation.state === "submitting"}>
            Create deal
          </Button>
          <Link to="/deals" className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
            Cancel
          </Link>
        </div>
      </Form>
    </main>
  );
}
