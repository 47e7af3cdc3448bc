// How a buyer gets into a plan. The emailed link lands here with a token; like seller sign-in,
// the GET only renders a Continue button (no auto-submit: scanners run scripts too). Without a
// token, anyone can ask for a code by email, on any device. The page says nothing about the plan:
// its URL identifies it, but is never access.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirectDocument } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuthCard } from "~/components/auth-card";
import { Button } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { BuyerCodeSchema, BuyerRequestCodeSchema } from "~/forms/buyer";
import { admitVerifiedEmail, requestBuyerCode } from "~/models/buyer-access.server";
import { consumeCode, consumeLinkToken, type VerifyFailure, type VerifyResult } from "~/models/verification.server";
import { kickOutbox } from "~/utils/email.server";
import { appUrl } from "~/utils/env.server";
import { LIMITS, clientIp, enforceLimits } from "~/utils/rate-limit.server";
import { findSession, startSession } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Open the plan · Mutual" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return {
    planId: params.planId ?? "",
    token: url.searchParams.get("token") ?? "",
    email: url.searchParams.get("email") ?? "",
    // Someone who already opened a plan in this browser may just want to go back to it.
    hasBuyerSession: Boolean(await findSession(request, "BUYER")),
  };
}

const FAILURES: Record<VerifyFailure, string> = {
  INVALID: "This link or code is not valid for this plan.",
  EXPIRED: "This link or code has expired.",
  USED: "This link or code was already used, or a newer one was sent.",
  TOO_MANY_ATTEMPTS: "Too many wrong codes were entered, so this code no longer works.",
  WRONG_CODE: "That code is not right.",
};

type Step =
  | { step: "code"; email: string; errors?: Record<string, string[]> }
  | { step: "email"; email: string; errors?: Record<string, string[]> }
  | { step: "failed"; message: string }
  | { step: "requested"; email: string }
  | { step: "revoked" }
  | { step: "declined" };

const BUYER_TYPES = ["BUYER_INVITE", "BUYER_SIGN_IN"] as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const planId = params.planId ?? "";
  const form = await request.formData();
  const intent = form.get("intent");
  const ip = clientIp(context);

  if (intent === "request-code") {
    const parsed = BuyerRequestCodeSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return data<Step>({ step: "email", email: String(form.get("email") ?? ""), errors: fieldErrors(parsed.error) }, { status: 400 });
    const { email } = parsed.data;
    await enforceLimits([LIMITS.signInRequestPerIp, ip], [LIMITS.signInRequestPerEmail, `${planId}:${email}`]);
    await requestBuyerCode(planId, email, appUrl(request));
    kickOutbox();
    return data<Step>({ step: "code", email });
  }

  await enforceLimits([LIMITS.verifyPerIp, ip]);
  let outcome: VerifyResult;
  if (intent === "link") {
    outcome = await consumeLinkToken([...BUYER_TYPES], String(form.get("token") ?? ""), { planId });
  } else if (intent === "verify-code") {
    const parsed = BuyerCodeSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return data<Step>({ step: "code", email: String(form.get("email") ?? ""), errors: fieldErrors(parsed.error) }, { status: 400 });
    outcome = await consumeCode([...BUYER_TYPES], parsed.data.email, parsed.data.code, { planId });
    if (!outcome.ok && outcome.reason === "WRONG_CODE") {
      const left = outcome.attemptsLeft ?? 0;
      return data<Step>(
        { step: "code", email: parsed.data.email, errors: { code: [`That code is not right. ${left} ${left === 1 ? "try" : "tries"} left.`] } },
        { status: 400 },
      );
    }
  } else {
    throw new Response("Unknown action", { status: 400 });
  }

  if (!outcome.ok) return data<Step>({ step: "failed", message: FAILURES[outcome.reason] }, { status: 400 });
  const admission = await admitVerifiedEmail(planId, outcome.verification.target, appUrl(request));
  kickOutbox();
  switch (admission.outcome) {
    case "SIGNED_IN": {
      const cookie = await startSession({
        kind: "BUYER",
        organizationId: admission.organizationId,
        buyerEmail: admission.email,
        userAgent: request.headers.get("user-agent"),
      });
      // A document load, not a client-side transition: the plan page is not a React page.
      return redirectDocument(`/p/${planId}`, { headers: { "Set-Cookie": cookie } });
    }
    case "REQUESTED":
      return data<Step>({ step: "requested", email: outcome.verification.target });
    case "REVOKED":
      return data<Step>({ step: "revoked" }, { status: 403 });
    case "DECLINED":
      return data<Step>({ step: "declined" }, { status: 403 });
    default:
      return data<Step>({ step: "failed", message: FAILURES.INVALID }, { status: 400 });
  }
}

function fieldErrors(error: { issues: Array<{ path: PropertyKey[]; message: string }> }) {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) (errors[String(issue.path[0] ?? "")] ??= []).push(issue.message);
  return errors;
}

export default function JoinPlan() {
  const { planId, token, email, hasBuyerSession } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const pending = navigation.state === "submitting";

  if (result?.step === "requested") {
    return (
      <AuthCard title="Access requested">
        <p className="text-slate-700">
          Thanks, <strong>{result.email}</strong> is verified. Your address is not yet on this plan, so we asked the seller to let you in. You will get an email either
          way.
        </p>
      </AuthCard>
    );
  }
  if (result?.step === "revoked") {
    return (
      <AuthCard title="Access removed">
        <p className="text-slate-700">The seller removed your access to this plan. Contact them if you think this is a mistake.</p>
      </AuthCard>
    );
  }
  if (result?.step === "declined") {
    return (
      <AuthCard title="Request declined">
        <p className="text-slate-700">The seller declined your request to join this plan. A colleague who is on the plan can invite you.</p>
      </AuthCard>
    );
  }
  if (result?.step === "failed") {
    return (
      <AuthCard title="This link can't be used">
        <p className="text-slate-700" role="alert">
          {result.message}
        </p>
        <p className="text-sm text-slate-600">Links and codes work once and expire after 15 minutes. Get a new one:</p>
        <EmailForm email={email} pending={pending} submitLabel="Send me a new link" />
        {hasBuyerSession ? <OpenPlanLink planId={planId} /> : null}
      </AuthCard>
    );
  }
  if (result?.step === "code") {
    return <CodeForm email={result.email} errors={result.errors} pending={pending} />;
  }
  if (token && !result) {
    return (
      <AuthCard title="Open the plan">
        <p className="text-sm text-slate-600">Press Continue to open the mutual action plan on this device.</p>
        <Form method="post">
          <input type="hidden" name="intent" value="link" />
          <input type="hidden" name="token" value={token} />
          <Button type="submit" className="w-full" pending={pending}>
            Continue
          </Button>
        </Form>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Open the plan">
      <p className="text-sm text-slate-600">Enter your work email. We will send you a 6-digit code and a link to open the plan.</p>
      <EmailForm email={result?.step === "email" ? result.email : email} errors={result?.step === "email" ? result.errors : undefined} pending={pending} submitLabel="Email me a code" />
      {hasBuyerSession ? <OpenPlanLink planId={planId} /> : null}
    </AuthCard>
  );
}

function OpenPlanLink({ planId }: { planId: string }) {
  return (
    <p className="text-sm">
      Already opened this plan in this browser?{" "}
      <a href={`/p/${planId}`} className="text-brand-700 underline">
        Go to the plan
      </a>
    </p>
  );
}

function EmailForm({ email, errors, pending, submitLabel }: { email: string; errors?: Record<string, string[]>; pending: boolean; submitLabel: string }) {
  return (
    <Form method="post" className="space-y-4">
      <input type="hidden" name="intent" value="request-code" />
      <InputField label="Work email" id="email" name="email" type="email" autoComplete="email" defaultValue={email} required errors={errors?.email} />
      <Button type="submit" className="w-full" pending={pending}>
        {submitLabel}
      </Button>
    </Form>
  );
}

function CodeForm({ email, errors, pending }: { email: string; errors?: Record<string, string[]>; pending: boolean }) {
  return (
    <AuthCard title="Check your email">
      <p className="text-sm text-slate-600">
        If <strong>{email}</strong> can open this plan, or may ask to join it, we sent it a 6-digit code and a link.
      </p>
      <Form method="post" className="space-y-4">
        <input type="hidden" name="intent" value="verify-code" />
        <input type="hidden" name="email" value={email} />
        <InputField
          label="Code"
          id="code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          autoFocus
          errors={errors?.code ?? errors?.email}
        />
        <Button type="submit" className="w-full" pending={pending}>
          Open the plan
        </Button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="request-code" />
        <input type="hidden" name="email" value={email} />
        <button className="text-sm text-brand-700 underline">Send a new code</button>
      </Form>
    </AuthCard>
  );
}
