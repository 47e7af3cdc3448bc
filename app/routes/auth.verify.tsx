// The page an emailed sign-in link opens. Its loader reads nothing secret and changes nothing:
// mail scanners fetch links (and may run scripts) before people do, so only the button's POST
// consumes the link. The same page takes the 6-digit code typed on any device. The link's token
// travels in the form's body, never in its address, and leaves the address bar once the page has loaded.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { AuthCard } from "~/components/auth-card";
import { DropFromAddress, useAddressWithout } from "~/components/secret-link";
import { Button } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { CodeSchema, LinkSchema } from "~/forms/auth";
import { consumeCode, consumeLinkToken, userForVerification, type VerifyFailure } from "~/models/verification.server";
import { safeRedirect } from "~/utils/auth.server";
import { LIMITS, clientIp, enforceLimits } from "~/utils/rate-limit.server";
import { secretLinkPageHeaders } from "~/utils/route-headers";
import { startSession } from "~/utils/session.server";
import { readForm } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Mutual" }, { name: "robots", content: "noindex" }];

export const headers = secretLinkPageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return {
    token: url.searchParams.get("token") ?? "",
    email: url.searchParams.get("email") ?? "",
    redirectTo: safeRedirect(url.searchParams.get("redirectTo")),
  };
}

const FAILURE_MESSAGES: Record<VerifyFailure, string> = {
  INVALID: "This sign-in link or code is not valid.",
  EXPIRED: "This sign-in link or code has expired.",
  USED: "This sign-in link or code was already used, or a newer one was sent.",
  TOO_MANY_ATTEMPTS: "Too many wrong codes were entered, so this code no longer works.",
  WRONG_CODE: "That code is not right.",
};

export async function action({ request, context }: ActionFunctionArgs) {
  await enforceLimits([LIMITS.verifyPerIp, clientIp(context)]);
  const formData = await readForm(request);
  const viaLink = formData.get("intent") === "link";
  const submission = parseWithZod(formData, { schema: viaLink ? LinkSchema : CodeSchema });
  if (submission.status !== "success") {
    return data({ failure: null, result: submission.reply() }, { status: 400 });
  }

  const value = submission.value;
  const ip = clientIp(context);
  const outcome =
    "token" in value ? await consumeLinkToken(["SELLER_SIGN_IN"], value.token) : await consumeCode(["SELLER_SIGN_IN"], value.email, value.code, { ip });

  if (!outcome.ok) {
    if (outcome.reason === "WRONG_CODE") {
      const left = outcome.attemptsLeft ?? 0;
      return data(
        {
          failure: null,
          result: submission.reply({
            fieldErrors: { code: [`That code is not right. ${left} ${left === 1 ? "try" : "tries"} left.`] },
          }),
        },
        { status: 400 },
      );
    }
    return data({ failure: FAILURE_MESSAGES[outcome.reason], result: submission.reply() }, { status: 400 });
  }

  const user = await userForVerification(outcome.verification.target);
  if (!user) return data({ failure: FAILURE_MESSAGES.INVALID, result: submission.reply() }, { status: 400 });
  const cookie = await startSession({
    kind: "SELLER",
    organizationId: user.organizationId,
    userId: user.id,
    userAgent: request.headers.get("user-agent"),
    signIn: { email: user.email, via: "token" in value ? "link" : "code", ip },
  });
  return redirect(safeRedirect(value.redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function Verify() {
  return (
    <>
      <VerifyStep />
      <DropFromAddress names={["token"]} />
    </>
  );
}

function VerifyStep() {
  const { token, email, redirectTo } = useLoaderData<typeof loader>();
  const postTo = useAddressWithout(["token"]);
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const pending = navigation.state === "submitting";

  if (actionData?.failure) {
    return (
      <AuthCard title="This link can't be used">
        <p className="text-slate-700" role="alert">
          {actionData.failure}
        </p>
        <p className="text-sm text-slate-600">Links and codes work once and expire after 15 minutes.</p>
        <Link
          to={`/login?${new URLSearchParams({ email, redirectTo })}`}
          className="inline-flex w-full justify-center rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800"
        >
          Send me a new link
        </Link>
      </AuthCard>
    );
  }

  if (token) {
    return (
      <AuthCard title="Sign in to Mutual">
        <p className="text-sm text-slate-600">Press the button to finish signing in on this device.</p>
        <Form method="post" action={postTo}>
          <input type="hidden" name="intent" value="link" />
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Button type="submit" className="w-full" pending={pending}>
            Sign in
          </Button>
        </Form>
      </AuthCard>
    );
  }

  return <CodeForm email={email} redirectTo={redirectTo} pending={pending} postTo={postTo} />;
}

function CodeForm({ email, redirectTo, pending, postTo }: { email: string; redirectTo: string; pending: boolean; postTo: string }) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { email },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CodeSchema }),
    shouldRevalidate: "onSubmit",
  });
  return (
    <AuthCard title="Check your email">
      <p className="text-sm text-slate-600">
        {email ? (
          <>
            If <strong>{email}</strong> has an account, we sent it a 6-digit code and a sign-in link.
          </>
        ) : (
          "Enter your email and the 6-digit code we sent you."
        )}
      </p>
      <Form method="post" action={postTo} {...getFormProps(form)} className="space-y-4">
        <input type="hidden" name="intent" value="code" />
        <input type="hidden" name="redirectTo" value={redirectTo} />
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
          Sign in
        </Button>
      </Form>
      <p className="text-sm">
        <Link className="text-brand-700 underline" to={`/login?${new URLSearchParams({ email, redirectTo })}`}>
          Send a new code
        </Link>
      </p>
    </AuthCard>
  );
}
