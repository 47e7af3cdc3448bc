// Creating a workspace (the person's address and the workspace's details), or joining one that
// lets the address's domain join. Nothing is created here; the emailed code (or link) proves the
// address first, at /signup/verify.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useEffect } from "react";
import { AuthCard } from "~/components/auth-card";
import { JoinByDomainForm } from "~/components/join-by-domain-form";
import { Button } from "~/components/ui/button";
import { InputField, SelectField } from "~/components/ui/field";
import { MONTH_OPTIONS, timeZoneOptions } from "~/domain/time-zones";
import { JoinSchema, SignUpSchema } from "~/forms/workspace";
import { requestJoinByDomain, requestWorkspaceSignUp } from "~/models/sign-up.server";
import { getSeller } from "~/utils/auth.server";
import { kickOutbox } from "~/utils/email.server";
import { appUrl, signUpOpen } from "~/utils/env.server";
import { LIMITS, clientIp, enforceLimits } from "~/utils/rate-limit.server";
import { readForm } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Create a workspace · Mutual" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSeller(request)) throw redirect("/deals");
  if (!signUpOpen()) return { open: false as const, zones: [] };
  return { open: true as const, zones: timeZoneOptions() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  if (formData.get("intent") === "join") {
    // Joining an organization that lets the domain join is that organization's choice, not a new workspace: open or closed alike.
    const submission = parseWithZod(formData, { schema: JoinSchema });
    if (submission.status !== "success") return data({ form: "join" as const, result: submission.reply() }, { status: 400 });
    const { email, name } = submission.value;
    await limitRequests(context, email);
    await requestJoinByDomain(email, name, appUrl(request));
    return toCheckYourEmail(email);
  }
  if (!signUpOpen()) throw new Response(CLOSED_MESSAGE, { status: 403 });
  const submission = parseWithZod(formData, { schema: SignUpSchema });
  if (submission.status !== "success") return data({ form: "create" as const, result: submission.reply() }, { status: 400 });
  const { email, ...details } = submission.value;
  await limitRequests(context, email);
  await requestWorkspaceSignUp(email, details, appUrl(request));
  return toCheckYourEmail(email);
}

function limitRequests(context: unknown, email: string) {
  return enforceLimits([LIMITS.signUpRequestPerIp, clientIp(context)], [LIMITS.signUpRequestPerEmail, email]);
}

function toCheckYourEmail(email: string) {
  kickOutbox();
  // Every address lands on the same page: the form reveals nothing about accounts or domains.
  return redirect(`/signup/verify?${new URLSearchParams({ email })}`, 303);
}

const CLOSED_MESSAGE = "This deployment creates workspaces by invitation only.";

export default function SignUp() {
  const { open } = useLoaderData<typeof loader>();
  const joinAnswer = useAnswerFor("join");
  if (!open) {
    return (
      <AuthCard title="Sign-up is closed">
        <p className="text-slate-700">{CLOSED_MESSAGE}</p>
        <p className="text-sm text-slate-600">
          Ask an admin of your organization to invite you. Whoever runs this deployment can create a new workspace on the server with{" "}
          <code>npm run org:create</code>.
        </p>
        <JoinByDomainForm lastResult={joinAnswer} />
        <p className="text-sm">
          <Link className="text-brand-700 underline" to="/login">
            Sign in
          </Link>
        </p>
      </AuthCard>
    );
  }
  return <SignUpForm joinAnswer={joinAnswer} />;
}

function useAnswerFor(form: "create" | "join") {
  const answer = useActionData<typeof action>();
  return answer?.form === form ? answer.result : undefined;
}

function SignUpForm({ joinAnswer }: { joinAnswer?: SubmissionResult<string[]> }) {
  const { zones } = useLoaderData<typeof loader>();
  const lastResult = useAnswerFor("create");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { timezone: "UTC", fiscalYearStartMonth: "1" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignUpSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const { update } = form;
  const zoneFieldId = fields.timezone.id;
  // With JavaScript, start from the browser's own timezone rather than UTC, unless someone already picked one.
  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const picked = (document.getElementById(zoneFieldId) as HTMLSelectElement | null)?.value;
    if (picked === "UTC" && !lastResult && zones.some((zone) => zone.value === browserZone)) update({ name: "timezone", value: browserZone });
    // Only once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <AuthCard title="Create a workspace">
      <p className="text-sm text-slate-600">We will email you a 6-digit code to confirm your address, then create the workspace with you as its admin.</p>
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <InputField label="Work email" {...getInputProps(fields.email, { type: "email" })} autoComplete="email" autoFocus errors={fields.email.errors} />
        <InputField label="Your name" {...getInputProps(fields.name, { type: "text" })} autoComplete="name" errors={fields.name.errors} />
        <InputField
          label="Organization name"
          {...getInputProps(fields.organizationName, { type: "text" })}
          autoComplete="organization"
          errors={fields.organizationName.errors}
        />
        <SelectField
          label="Timezone"
          {...getSelectProps(fields.timezone)}
          options={zones}
          errors={fields.timezone.errors}
          hint="Plan dates and “today” follow it."
        />
        <SelectField
          label="Fiscal year starts in"
          {...getSelectProps(fields.fiscalYearStartMonth)}
          options={MONTH_OPTIONS}
          errors={fields.fiscalYearStartMonth.errors}
        />
        <InputField
          label="Buyer email domains"
          {...getInputProps(fields.allowedBuyerDomains, { type: "text" })}
          hint="Optional: new plans accept buyers from these domains, e.g. acme.com, acme.co.uk"
          errors={fields.allowedBuyerDomains.errors}
        />
        <Button type="submit" className="w-full" pending={navigation.state === "submitting" && navigation.formData?.get("intent") !== "join"}>
          Email me a code
        </Button>
      </Form>
      <JoinByDomainForm lastResult={joinAnswer} />
      <p className="text-sm text-slate-600">
        Already have an account?{" "}
        <Link className="text-brand-700 underline" to="/login">
          Sign in
        </Link>
      </p>
    </AuthCard>
  );
}
