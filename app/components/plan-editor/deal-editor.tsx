import { Form } from "@remix-run/react";
import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { DealFields } from "~/components/deal-fields";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { EditDealSchema } from "~/forms/deal";
import { OUTCOMES, OUTCOME_LABELS } from "~/domain/types";
import { ConflictNotice, FormErrors, useBaseVersion, useIntentResult, useIsPending } from "./intent-hooks";
import { SavedNotice, useClosingPanel, useSavedToken } from "./notice";
import type { DealView } from "./types";

export function DealEditor({ deal }: { deal: DealView }) {
  const result = useIntentResult("update-deal");
  const saved = useSavedToken("update-deal");
  const { base, markDirty } = useBaseVersion(deal.version, result ?? saved);
  const panel = useClosingPanel("update-deal");
  const [form, fields] = useForm({
    id: `update-deal-${base}`,
    lastResult: result?.result,
    defaultValue: {
      accountName: deal.accountName,
      name: deal.name,
      amount: String(deal.amount),
      currency: deal.currency,
      stage: String(deal.stage),
      targetCloseDate: deal.targetCloseDate,
      repForecastCategory: deal.repForecastCategory,
      outcome: deal.outcome,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditDealSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const pending = useIsPending("update-deal");
  return (
    <details id="deal-details" ref={panel} className="scroll-mt-4 rounded-lg bg-white shadow-sm ring-1 ring-slate-200" open={Boolean(result)}>
      <summary className="cursor-pointer px-4 py-3 font-medium">
        Deal details <SavedNotice anchor="deal-details" className="ml-2" />
      </summary>
      <ConflictNotice result={result} className="mx-4 mb-3" />
      <Form key={base} method="post" {...getFormProps(form)} onChange={markDirty} className="space-y-4 border-t border-slate-200 p-4" preventScrollReset>
        <input type="hidden" name="intent" value="update-deal" />
        <input type="hidden" name="version" value={base} />
        <FormErrors result={result} />
        <DealFields fields={fields} />
        <SelectField
          label="Outcome"
          {...getSelectProps(fields.outcome)}
          options={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))}
          errors={fields.outcome.errors}
        />
        <Button type="submit" pending={pending}>
          Save deal
        </Button>
      </Form>
    </details>
  );
}
