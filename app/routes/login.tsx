import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { AuthCard } from "~/components/auth-card";
import { Button } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { SignInRequestSchema } from "~/forms/auth";
import { requestSellerSignIn } from "~/models/verification.server";
import { getSeller, safeRedirect } from "~/utils/auth.server";
import { kickOutbox } from "~/utils/email.server";
import { appUrl, signUpOpen } from "~/utils/env.server";
import { LIMITS, clientIp, enforceLimits } from "~/utils/rate-limit.server";
import { readForm } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Mutual" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSeller(request)) throw redirect("/deals");
  return { signUpOpen: signUpOpen() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: SignInRequestSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { email } = submission.value;
  await enforceLimits([LIMITS.signInRequestPerIp, clientIp(context)], [LIMITS.signInRequestPerEmail, email]);
  await requestSellerSignIn(email, appUrl(request));
  kickOutbox();
  const params = new URLSearchParams({ email, redirectTo: safeRedirect(submission.value.redirectTo) });
  // Known and unknown emails land on the same page: the form reveals nothing about accounts.
  return redirect(`/auth/verify?${params}`);
}

export default function Login() {
  const { signUpOpen } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { email: searchParams.get("email") ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInRequestSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <AuthCard title="Sign in">
      <p className="text-sm text-slate-600">We will email you a 6-digit code and a sign-in link. No password.</p>
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/deals"} />
        <InputField label="Work email" {...getInputProps(fields.email, { type: "email" })} autoComplete="email" autoFocus errors={fields.email.errors} />
        <Button type="submit" className="w-full" pending={navigation.state === "submitting"}>
          Email me a sign-in code
        </Button>
      </Form>
      {signUpOpen ? (
        <p className="text-sm text-slate-600">
          New to Mutual?{" "}
          <Link className="text-brand-700 underline" to="/signup">
            Create a workspace
          </Link>
        </p>
      ) : null}
    </AuthCard>
  );
}
