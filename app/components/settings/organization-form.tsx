import { Form } from "@remix-run/react";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { ConflictNotice, FormErrors, useBaseVersion, useIntentResult, useIsPending } from "~/components/plan-editor/intent-hooks";
import { SavedNotice, useSavedToken } from "~/components/plan-editor/notice";
import { Button } from "~/components/ui/button";
import { FieldErrors, InputField, SelectField } from "~/components/ui/field";
import { MONTHS, OrganizationSettingsSchema } from "~/forms/organization";
import type { OrganizationSettings } from "~/models/organization-settings.server";

const listed = (domains: string) => domains.split(/\s+/).filter(Boolean).join(", ");

export function OrganizationForm({ settings, timezones }: { settings: OrganizationSettings; timezones: readonly string[] }) {
  const result = useIntentResult("update-settings");
  const saved = useSavedToken("update-settings");
  const { base, markDirty } = useBaseVersion(settings.version, result ?? saved);
  const [form, fields] = useForm({
    id: `update-settings-${base}`,
    lastResult: result?.result,
    defaultValue: {
      name: settings.name,
      timezone: settings.timezone,
      fiscalYearStartMonth: String(settings.fiscalYearStartMonth),
      buyerInvitationDays: String(settings.buyerInvitationDays),
      allowedBuyerDomains: listed(settings.allowedBuyerDomains),
      ownDomains: listed(settings.ownDomains),
      planDomainFromBuyer: settings.planDomainFromBuyer ? "on" : undefined,
      joinByDomain: settings.joinByDomain ? "on" : undefined,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganizationSettingsSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const saving = useIsPending("update-settings");
  return (
    <section id="organization" aria-labelledby="organization-heading" className="card scroll-mt-4 p-4 sm:p-6">
      <h2 id="organization-heading" className="font-semibold">
        Settings <SavedNotice anchor="organization" className="ml-2" />
      </h2>
      <ConflictNotice result={result} className="mt-3" />
      <Form key={base} method="post" {...getFormProps(form)} onChange={markDirty} className="mt-4 space-y-4" preventScrollReset>
        <input type="hidden" name="intent" value="update-settings" />
        <input type="hidden" name="version" value={base} />
        <FormErrors result={result} />
        <InputField label="Organization name" {...getInputProps(fields.name, { type: "text" })} errors={fields.name.errors} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Timezone"
            {...getSelectProps(fields.timezone)}
            options={timezones.map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") }))}
            hint="Every date's “today”, overdue steps and the dashboard follow it."
            errors={fields.timezone.errors}
          />
          <SelectField
            label="Fiscal year starts in"
            {...getSelectProps(fields.fiscalYearStartMonth)}
            options={MONTHS.map((month, i) => ({ value: String(i + 1), label: month }))}
            hint="Quarters in forecasts and on the dashboard count from it."
            errors={fields.fiscalYearStartMonth.errors}
          />
        </div>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-700">Buyers</legend>
          <InputField
            label="Buyer email domains allowed on new plans"
            {...getInputProps(fields.allowedBuyerDomains, { type: "text" })}
            hint="Separated by commas, e.g. acme.com, acme.co.uk. Empty: reps choose each plan's domains freely."
            errors={fields.allowedBuyerDomains.errors}
          />
          <Checkbox
            name={fields.planDomainFromBuyer.name}
            defaultChecked={settings.planDomainFromBuyer}
            label="A new plan allows only its first buyer's email domain"
            errors={fields.planDomainFromBuyer.errors}
          />
          <InputField
            label="Buyer invitations last (days)"
            {...getInputProps(fields.buyerInvitationDays, { type: "number" })}
            min={1}
            max={30}
            className="max-w-xs"
            hint="From 1 to 30 days."
            errors={fields.buyerInvitationDays.errors}
          />
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-700">Your people</legend>
          <InputField
            label="Your company's email domains"
            {...getInputProps(fields.ownDomains, { type: "text" })}
            hint="Separated by commas, e.g. northwind.com"
            errors={fields.ownDomains.errors}
          />
          <Checkbox
            name={fields.joinByDomain.name}
            defaultChecked={settings.joinByDomain}
            label="Anyone who verifies an address at these domains may join as a rep"
            errors={fields.joinByDomain.errors}
          />
        </fieldset>
        <Button type="submit" pending={saving}>
          Save settings
        </Button>
      </Form>
    </section>
  );
}

function Checkbox({ name, label, defaultChecked, errors }: { name: string; label: string; defaultChecked: boolean; errors?: string[] }) {
  return (
    <div>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name={name} defaultChecked={defaultChecked} className="mt-0.5" />
        <span>{label}</span>
      </label>
      <FieldErrors errors={errors} />
    </div>
  );
}
