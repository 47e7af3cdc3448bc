import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { InputField, SelectField } from "./ui/field";
import { CURRENCIES, FORECAST_CATEGORIES, FORECAST_LABELS, STAGES } from "~/domain/types";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Field = FieldMetadata<any, any, string[]>;
type DealFieldSet = Record<"accountName" | "name" | "amount" | "currency" | "stage" | "targetCloseDate" | "repForecastCategory", Field>;

/** The deal's own fields, shared by the new-deal and edit-deal forms. */
export function DealFields({ fields }: { fields: DealFieldSet }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <InputField label="Account" {...getInputProps(fields.accountName, { type: "text" })} errors={fields.accountName.errors} />
      <InputField label="Deal name" {...getInputProps(fields.name, { type: "text" })} errors={fields.name.errors} />
      <div className="grid grid-cols-[2fr_1fr] gap-2">
        <InputField label="Amount" {...getInputProps(fields.amount, { type: "number" })} min={0} step={1} inputMode="numeric" errors={fields.amount.errors} />
        <SelectField
          label="Currency"
          {...getSelectProps(fields.currency)}
          options={CURRENCIES.map((c) => ({ value: c, label: c }))}
          errors={fields.currency.errors}
        />
      </div>
      <SelectField
        label="Stage"
        {...getSelectProps(fields.stage)}
        options={STAGES.map((s) => ({ value: String(s.number), label: `${s.number}. ${s.name}` }))}
        errors={fields.stage.errors}
      />
      <InputField label="Target close date" {...getInputProps(fields.targetCloseDate, { type: "date" })} errors={fields.targetCloseDate.errors} />
      <SelectField
        label="Your forecast call"
        {...getSelectProps(fields.repForecastCategory)}
        options={FORECAST_CATEGORIES.map((c) => ({ value: c, label: FORECAST_LABELS[c] }))}
        errors={fields.repForecastCategory.errors}
      />
    </div>
  );
}
