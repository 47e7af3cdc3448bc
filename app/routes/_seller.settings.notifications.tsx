// Email notifications: which kinds of email you get and the timezone they keep to (everyone), and
// the organization's defaults for people who made no choice (admins only: 403 for anyone else).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { EmailChoiceBoxes } from "~/components/settings/email-choices";
import { FormErrors, useIntentResult, useIsPending } from "~/components/plan-editor/intent-hooks";
import { NoticeProvider, SavedNotice, useSavedToken } from "~/components/plan-editor/notice";
import { Button } from "~/components/ui/button";
import { FieldErrors, SelectField } from "~/components/ui/field";
import { timeZoneOptions } from "~/domain/time-zones";
import { errorsOf } from "~/forms/intent";
import { EmailDefaultsSchema, OwnEmailChoicesSchema } from "~/forms/email-preferences";
import { ownEmailSettings, saveOrganizationEmailDefaults, saveOwnEmailSettings } from "~/models/email-preferences.server";
import { requireSeller } from "~/utils/auth.server";
import { takeNotice } from "~/utils/flash.server";
import { runIntent, unknownIntent } from "~/utils/intent.server";
import { readForm } from "~/utils/form-data.server";
import { clientIp } from "~/utils/rate-limit.server";

const PAGE = "/settings/notifications";

export const meta: MetaFunction = () => [{ title: "Email notifications · Mutual" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const [settings, { notice, headers }] = await Promise.all([ownEmailSettings(seller), takeNotice(request)]);
  const zones = timeZoneOptions();
  // A zone stored before this runtime's list knew it stays choosable.
  const timezones =
    !settings.timezone || zones.some((z) => z.value === settings.timezone) ? zones : [{ value: settings.timezone, label: settings.timezone }, ...zones];
  return data({ settings, timezones, notice }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  const ip = clientIp(context);
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "save-choices":
      return runIntent(form, OwnEmailChoicesSchema, "save-choices", PAGE, async (value) => {
        await saveOwnEmailSettings(seller, value, ip);
        return { anchor: "your-emails" };
      });
    case "save-defaults":
      return runIntent(form, EmailDefaultsSchema, "save-defaults", PAGE, async (value) => {
        await saveOrganizationEmailDefaults(seller, value, ip);
        return { anchor: "organization-defaults" };
      });
    default:
      return unknownIntent();
  }
}

export default function EmailNotifications() {
  const { settings, timezones, notice } = useLoaderData<typeof loader>();
  return (
    <NoticeProvider value={notice}>
      <div className="max-w-2xl space-y-6">
        <div>
          <h1 className="text-2xl font-semibold">Email notifications</h1>
          <p className="mt-1 text-sm text-slate-600">
            Choose what Mutual emails you at {settings.email}. Every email also has a link to stop that kind with one click.
          </p>
        </div>
        <OwnChoices settings={settings} timezones={timezones} />
        {settings.defaults ? <OrganizationDefaults defaults={settings.defaults} /> : null}
      </div>
    </NoticeProvider>
  );
}

type Settings = ReturnType<typeof useLoaderData<typeof loader>>["settings"];

function OwnChoices({ settings, timezones }: { settings: Settings; timezones: ReadonlyArray<{ value: string; label: string }> }) {
  const result = useIntentResult("save-choices");
  const saved = useSavedToken("save-choices");
  const typed = result?.result.initialValue as { on?: string[] | string; timezone?: string } | undefined;
  const typedOn = typed ? new Set([typed.on ?? []].flat()) : null;
  const choices = typedOn ? settings.choices.map((c) => ({ ...c, on: typedOn.has(c.kind) })) : settings.choices;
  return (
    <section id="your-emails" aria-labelledby="your-emails-heading" className="card scroll-mt-4 p-4 sm:p-6">
      <h2 id="your-emails-heading" className="font-semibold">
        Your emails <SavedNotice anchor="your-emails" className="ml-2" />
      </h2>
      <Form key={saved ?? "form"} method="post" className="mt-4 space-y-4" preventScrollReset>
        <input type="hidden" name="intent" value="save-choices" />
        <FormErrors result={result} />
        <EmailChoiceBoxes choices={choices} defaultName="your organization's default" errors={errorsOf(result, "on")} />
        <SelectField
          label="Timezone for emails"
          id="timezone"
          name="timezone"
          defaultValue={typed?.timezone ?? settings.timezone}
          options={[{ value: "", label: `Your organization's timezone (${settings.organizationTimezone.replace(/_/g, " ")})` }, ...timezones]}
          hint="Reminders and the weekly digest arrive between 08:00 and 20:00 here."
          errors={errorsOf(result, "timezone")}
        />
        <Button type="submit" pending={useIsPending("save-choices")}>
          Save my choices
        </Button>
      </Form>
    </section>
  );
}

const AUDIENCE_WORDS = { SELLER: "your team", BUYER: "buyers", BOTH: "your team and buyers" } as const;

function OrganizationDefaults({ defaults }: { defaults: NonNullable<Settings["defaults"]> }) {
  const result = useIntentResult("save-defaults");
  const saved = useSavedToken("save-defaults");
  return (
    <section id="organization-defaults" aria-labelledby="defaults-heading" className="card scroll-mt-4 p-4 sm:p-6">
      <h2 id="defaults-heading" className="font-semibold">
        Defaults for your organization <SavedNotice anchor="organization-defaults" className="ml-2" />
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Everyone in your organization, and every buyer on its plans, gets the ticked kinds unless they turned them off, and none of the others unless they
        turned them on. Their own choices always win.
      </p>
      {result?.conflict ? (
        <p role="alert" className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          Another admin changed your organization’s settings meanwhile. Here are the defaults as saved now: make your change again.
        </p>
      ) : null}
      <Form key={`${defaults.version}-${saved ?? ""}`} method="post" className="mt-4 space-y-3" preventScrollReset>
        <input type="hidden" name="intent" value="save-defaults" />
        <input type="hidden" name="version" value={defaults.version} />
        <FormErrors result={result} />
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-700">On unless a person turns it off</legend>
          {defaults.kinds.map((kind) => (
            <label key={kind.kind} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="on" value={kind.kind} defaultChecked={kind.onByDefault} className="mt-0.5" />
              <span>
                {kind.label}
                <span className="block text-xs text-slate-500">To {AUDIENCE_WORDS[kind.audience]}</span>
              </span>
            </label>
          ))}
          <FieldErrors errors={errorsOf(result, "on")} />
        </fieldset>
        <Button type="submit" pending={useIsPending("save-defaults")}>
          Save defaults
        </Button>
      </Form>
    </section>
  );
}
