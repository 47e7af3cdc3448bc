// How a buyer gets into a plan. The emailed link lands here with a token; like seller sign-in,
// the GET only renders a Continue button (no auto-submit: scanners run scripts too). The link's
// page names whom it is for, the plan and the vendor, as the email did; an expired or used link
// sends a fresh one to the same address with one press. Without a token, anyone can ask for a code
// by email or type a code they have, on any device, and the page says nothing about the plan.
// The token travels in the forms' bodies, never in their addresses, and leaves the address bar
// once the page has loaded.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect, redirectDocument } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuthCard } from "~/components/auth-card";
import { DropFromAddress } from "~/components/secret-link";
import { CodeForm, ContinueAs, EmailForm, EndedLink, HaveCodeForm, HaveCodeLink, Notice, OpenPlanLink, joinPath } from "~/components/buyer-join";
import { BuyerCodeSchema, BuyerRequestCodeSchema } from "~/forms/buyer";
import { admitVerifiedEmail } from "~/models/buyer-access.server";
import { describeBuyerLink, renewBuyerLink, requestBuyerCode, type BuyerLinkView } from "~/models/buyer-invitation.server";
import {
  BUYER_CODE_TYPES,
  BUYER_LINK_TYPES,
  consumeCode,
  consumeLinkToken,
  findBuyerLink,
  type VerifyFailure,
  type VerifyResult,
} from "~/models/verification.server";
import { kickOutbox } from "~/utils/email.server";
import { appUrl } from "~/utils/env.server";
import { LIMITS, clientIp, enforceLimits } from "~/utils/rate-limit.server";
import { secretLinkPageHeaders } from "~/utils/route-headers";
import { findSession, startSession } from "~/utils/session.server";
import { readForm } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Open the plan · Mutual" }, { name: "robots", content: "noindex" }];

export const headers = secretLinkPageHeaders;

type Mode = "email" | "code" | "someone-else" | "sent" | "code-sent" | "requested";

// A post that worked redirects here with what to show next, so a reload never posts it again.
function modeOf(query: URLSearchParams): Mode {
  if (query.get("have") === "code") return "code";
  if (query.get("as") === "someone-else") return "someone-else";
  if (query.get("sent") === "link") return "sent";
  if (query.get("sent") === "code") return "code-sent";
  if (query.get("sent") === "request") return "requested";
  return "email";
}

function joinPage(planId: string, query: Record<string, string>) {
  return redirect(`/p/${planId}/join?${new URLSearchParams(query)}`, 303);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const planId = params.planId ?? "";
  const token = url.searchParams.get("token") ?? "";
  // Reads the link's row and changes nothing: only the Continue button's POST uses it.
  const found = token ? await findBuyerLink(token, planId) : null;
  if (token && !found) await enforceLimits([LIMITS.missesPerIp, clientIp(context)]);
  return {
    planId,
    token,
    email: url.searchParams.get("email") ?? "",
    mode: modeOf(url.searchParams),
    link: found ? await describeBuyerLink(found) : null,
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
  | { step: "have-code"; email: string; errors?: Record<string, string[]> }
  | { step: "failed"; message: string; ended?: { token: string; link: BuyerLinkView } }
  | { step: "revoked" }
  | { step: "declined" };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const planId = params.planId ?? "";
  const form = await readForm(request);
  const intent = form.get("intent");
  const ip = clientIp(context);

  if (intent === "request-code") {
    const parsed = BuyerRequestCodeSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return data<Step>({ step: "email", email: String(form.get("email") ?? ""), errors: fieldErrors(parsed.error) }, { status: 400 });
    const { email } = parsed.data;
    await enforceLimits([LIMITS.signInRequestPerIp, ip], [LIMITS.signInRequestPerEmail, `${planId}:${email}`]);
    await requestBuyerCode(planId, email, appUrl(request));
    kickOutbox();
    return joinPage(planId, { sent: "code", email });
  }
  if (intent === "renew") return renew(planId, String(form.get("token") ?? ""), request, ip);

  await enforceLimits([LIMITS.verifyPerIp, ip]);
  let outcome: VerifyResult;
  if (intent === "link") {
    const token = String(form.get("token") ?? "");
    outcome = await consumeLinkToken(BUYER_LINK_TYPES, token, { planId });
    if (!outcome.ok) return refusedLink(planId, token, outcome.reason);
  } else if (intent === "verify-code") {
    const parsed = BuyerCodeSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return data<Step>({ step: "have-code", email: String(form.get("email") ?? ""), errors: fieldErrors(parsed.error) }, { status: 400 });
    outcome = await consumeCode(BUYER_CODE_TYPES, parsed.data.email, parsed.data.code, { planId, ip });
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
  return admit(planId, outcome.verification.target, request, { via: intent === "link" ? "link" : "code", ip });
}

/**
 * A Continue that failed. The page's address holds no token to read the link from again, so the
 * answer carries it: the page says why, and offers a fresh link for a link it knows.
 */
async function refusedLink(planId: string, token: string, reason: VerifyFailure) {
  const found = await findBuyerLink(token, planId);
  const link = found ? await describeBuyerLink(found) : null;
  return data<Step>({ step: "failed", message: FAILURES[reason], ...(link ? { ended: { token, link } } : {}) }, { status: 400 });
}

/** One press on an old link's page; limited like every other send, per address and per client. */
async function renew(planId: string, token: string, request: Request, ip: string) {
  const link = await findBuyerLink(token, planId);
  await enforceLimits([LIMITS.signInRequestPerIp, ip], ...(link ? [[LIMITS.signInRequestPerEmail, `${planId}:${link.target}`] as const] : []));
  const renewal = link ? await renewBuyerLink(link, appUrl(request)) : "NOT_FOUND";
  kickOutbox();
  if (renewal === "REVOKED") return data<Step>({ step: "revoked" }, { status: 403 });
  if (renewal === "NOT_FOUND") return data<Step>({ step: "failed", message: FAILURES.INVALID }, { status: 400 });
  // The address stays unnamed: the page tells no more than the old email did.
  return redirect(joinPath(planId, "?sent=link"), 303);
}

async function admit(planId: string, target: string, request: Request, proof: { via: "code" | "link"; ip: string }) {
  const admission = await admitVerifiedEmail(planId, target, appUrl(request));
  kickOutbox();
  switch (admission.outcome) {
    case "SIGNED_IN": {
      const cookie = await startSession({
        kind: "BUYER",
        organizationId: admission.organizationId,
        buyerEmail: admission.email,
        userAgent: request.headers.get("user-agent"),
        signIn: { ...proof, email: admission.email, participantId: admission.participantId, planId },
      });
      // A document load, not a client-side transition: the plan page is not a React page.
      return redirectDocument(`/p/${planId}`, { headers: { "Set-Cookie": cookie } });
    }
    case "REQUESTED":
      return joinPage(planId, { sent: "request", email: target });
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
  return (
    <>
      <JoinStep />
      <DropFromAddress names={["token"]} />
    </>
  );
}

function JoinStep() {
  const loaded = useLoaderData<typeof loader>();
  const { planId, email, mode, hasBuyerSession } = loaded;
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const ended = result?.step === "failed" ? result.ended : undefined;
  const token = ended?.token ?? loaded.token;
  const link = ended?.link ?? loaded.link;

  if (mode === "requested" && !result) {
    return (
      <Notice title="Access requested">
        {`Thanks, ${email} is verified. Your address is not yet on this plan, so we asked the seller to let you in. You will get an email either way.`}
      </Notice>
    );
  }
  if (result?.step === "revoked")
    return <Notice title="Access removed">The seller removed your access to this plan. Contact them if you think this is a mistake.</Notice>;
  if (result?.step === "declined")
    return <Notice title="Request declined">The seller declined your request to join this plan. A colleague who is on the plan can invite you.</Notice>;
  if (result?.step === "code") return <CodeForm email={result.email} errors={result.errors} pending={pending} />;
  if (result?.step === "have-code") return <HaveCodeForm planId={planId} email={result.email} errors={result.errors} pending={pending} />;
  // After a failed Continue, the link's page says why and offers a fresh one.
  if (link && token && (result?.step === "failed" || link.state !== "OPEN")) {
    return <EndedLink planId={planId} token={token} link={link} pending={pending} hasBuyerSession={hasBuyerSession} />;
  }
  if (result?.step === "failed" || (token && !link)) {
    return (
      <AuthCard title="This link can't be used">
        <p className="text-slate-700" role="alert">
          {result?.step === "failed" ? result.message : FAILURES.INVALID}
        </p>
        <p className="text-sm text-slate-600">A code you ask for here works once, for 15 minutes. Get a new one:</p>
        <EmailForm email={email} pending={pending} submitLabel="Send me a new link" />
        <HaveCodeLink planId={planId} />
        {hasBuyerSession ? <OpenPlanLink planId={planId} /> : null}
      </AuthCard>
    );
  }
  if (link && token) return <ContinueAs planId={planId} token={token} link={link} pending={pending} />;
  if (mode === "sent") return <Notice title="Check your email">We sent a new link and code to the address the earlier email went to.</Notice>;
  if (mode === "code") return <HaveCodeForm planId={planId} email={email} pending={pending} />;
  if (mode === "code-sent") return <CodeForm email={email} pending={pending} />;
  const emailStep = result?.step === "email" ? result : undefined;
  return (
    <AuthCard title={mode === "someone-else" ? "Open the plan as yourself" : "Open the plan"}>
      <p className="text-sm text-slate-600">
        {mode === "someone-else" ? "Verify your own work email, so that what you do on the plan shows under your name. " : ""}
        Enter your work email. We will send you a 6-digit code and a link to open the plan.
      </p>
      <EmailForm email={emailStep?.email ?? email} errors={emailStep?.errors} pending={pending} submitLabel="Email me a code" />
      <HaveCodeLink planId={planId} />
      {hasBuyerSession ? <OpenPlanLink planId={planId} /> : null}
    </AuthCard>
  );
}
