// The cards of a page an emailed code-and-link opens (sign-in, workspace sign-up): the link's
// button, the typed code, and what to do when either can no longer be used.
import type { ReactNode } from "react";
import { Form, Link } from "@remix-run/react";
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { AuthCard } from "~/components/auth-card";
import { Button } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { CodeSchema } from "~/forms/auth";

const linkButton = "inline-flex w-full justify-center rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800";

export function FailureCard({ failure, startOver, startOverLabel }: { failure: string; startOver: string; startOverLabel: string }) {
  return (
    <AuthCard title="This link can't be used">
      <p className="text-slate-700" role="alert">
        {failure}
      </p>
      <p className="text-sm text-slate-600">Links and codes work once and expire after 15 minutes.</p>
      <Link to={startOver} className={linkButton}>
        {startOverLabel}
      </Link>
    </AuthCard>
  );
}

interface LinkButtonCardProps {
  title: string;
  intro: string;
  submitLabel: string;
  token: string;
  redirectTo?: string;
  postTo: string;
  pending: boolean;
}

/** What the emailed link opens: a button, because mail scanners open links but press nothing. */
export function LinkButtonCard({ title, intro, submitLabel, token, redirectTo, postTo, pending }: LinkButtonCardProps) {
  return (
    <AuthCard title={title}>
      <p className="text-sm text-slate-600">{intro}</p>
      <Form method="post" action={postTo}>
        <input type="hidden" name="intent" value="link" />
        <input type="hidden" name="token" value={token} />
        {redirectTo !== undefined ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <Button type="submit" className="w-full" pending={pending}>
          {submitLabel}
        </Button>
      </Form>
    </AuthCard>
  );
}

interface CodeCardProps {
  intro: ReactNode;
  submitLabel: string;
  email: string;
  redirectTo?: string;
  lastResult?: SubmissionResult<string[]>;
  postTo: string;
  pending: boolean;
  newCode: string;
}

export function CodeCard({ intro, submitLabel, email, redirectTo, lastResult, postTo, pending, newCode }: CodeCardProps) {
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { email },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CodeSchema }),
    shouldRevalidate: "onSubmit",
  });
  return (
    <AuthCard title="Check your email">
      <p className="text-sm text-slate-600">{intro}</p>
      <Form method="post" action={postTo} {...getFormProps(form)} className="space-y-4">
        <input type="hidden" name="intent" value="code" />
        {redirectTo !== undefined ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <InputField label="Email" {...getInputProps(fields.email, { type: "email" })} autoComplete="email" errors={fields.email.errors} />
        <InputField
          label="Code"
          {...getInputProps(fields.code, { type: "text" })}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          autoFocus={Boolean(email)}
          errors={fields.code.errors}
        />
        <Button type="submit" className="w-full" pending={pending}>
          {submitLabel}
        </Button>
      </Form>
      <p className="text-sm">
        <Link className="text-brand-700 underline" to={newCode}>
          Send a new code
        </Link>
      </p>
    </AuthCard>
  );
}
