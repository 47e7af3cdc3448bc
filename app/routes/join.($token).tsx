// The page a seller's emailed invitation opens. Like the sign-in link's page, the GET only says who
// invited the person to what and shows a form: mail scanners open links (and run scripts) before
// people do, so only the button's POST uses the invitation. The form posts to /join with the token
// in its body, never in its address, and the token leaves the address bar once the page has loaded.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { AuthCard } from "~/components/auth-card";
import { DropFromAddress } from "~/components/secret-link";
import { Button } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { AcceptInvitationSchema } from "~/forms/people";
import { InvitationRefused, acceptInvitation, describeInvitation, type InvitationState, type InvitationView } from "~/models/seller-invitation.server";
import { LIMITS, clientIp, enforceLimits } from "~/utils/rate-limit.server";
import { secretLinkPageHeaders } from "~/utils/route-headers";
import { startSession } from "~/utils/session.server";
import { readForm } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Join your team · Mutual" }, { name: "robots", content: "noindex" }];

export const headers = secretLinkPageHeaders;

type Ended = Exclude<InvitationState, "OPEN"> | "INVALID";

/** Gone for good (410) when the link was real; 404 when it never was. */
const STATUS: Record<Ended, number> = { INVALID: 404, EXPIRED: 410, REVOKED: 410, USED: 410, TAKEN: 410 };

export async function loader({ params, context }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  // Reads the invitation and changes nothing: only the form's POST uses it.
  const view = await describeInvitation(token);
  if (token && !view) await enforceLimits([LIMITS.missesPerIp, clientIp(context)]);
  const ended: Ended | null = !view ? "INVALID" : view.state === "OPEN" ? null : view.state;
  return data({ token: view ? token : "", view, ended }, { status: ended ? STATUS[ended] : 200 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await enforceLimits([LIMITS.verifyPerIp, clientIp(context)]);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: AcceptInvitationSchema });
  const token = String(formData.get("token") ?? "");
  if (submission.status !== "success") {
    const view = await describeInvitation(token);
    return data({ result: submission.reply(), token: view ? token : "", view, ended: view ? null : ("INVALID" as Ended) }, { status: 400 });
  }
  try {
    const user = await acceptInvitation(submission.value.token, { name: submission.value.name, title: submission.value.title });
    const cookie = await startSession({
      kind: "SELLER",
      organizationId: user.organizationId,
      userId: user.id,
      userAgent: request.headers.get("user-agent"),
      signIn: { email: user.email, via: "link", ip: clientIp(context) },
    });
    return redirect("/deals", { status: 303, headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!(error instanceof InvitationRefused)) throw error;
    return data({ result: submission.reply(), token: "", view: null, ended: error.state as Ended }, { status: STATUS[error.state] });
  }
}

const ENDED_WORDS: Record<Ended, { title: string; text: string }> = {
  INVALID: { title: "This invitation link is not valid", text: "Check that you opened the whole link from the email, or ask your admin to invite you again." },
  EXPIRED: { title: "This invitation has expired", text: "Invitations work for 7 days. Ask your admin to invite you again." },
  REVOKED: { title: "This invitation was withdrawn", text: "Your admin withdrew it, or sent a newer one: use the newest email, or ask them." },
  USED: { title: "This invitation was already used", text: "If it was you, sign in with the same address." },
  TAKEN: { title: "This address already has an account", text: "Sign in with it instead, or ask your admin to invite another address." },
};

export default function JoinPage() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { token, view, ended } = answer ?? loaded;
  return (
    <>
      {ended || !view ? (
        <EndedInvitation ended={ended ?? "INVALID"} />
      ) : (
        <JoinForm token={token} view={view} errors={answer?.result.error ?? undefined} typed={answer?.result.initialValue ?? undefined} />
      )}
      <DropFromAddress names={[]} path="/join" />
    </>
  );
}

function EndedInvitation({ ended }: { ended: Ended }) {
  const words = ENDED_WORDS[ended];
  return (
    <AuthCard title={words.title}>
      <p className="text-slate-700" role="alert">
        {words.text}
      </p>
      <Link to="/login" className="inline-flex w-full justify-center rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">
        Go to sign-in
      </Link>
    </AuthCard>
  );
}

interface JoinFormProps {
  token: string;
  view: InvitationView;
  errors?: Record<string, string[] | null>;
  /** What the person typed before a refusal, so nothing is lost. */
  typed?: Record<string, unknown>;
}

function JoinForm({ token, view, errors, typed }: JoinFormProps) {
  const typedText = (name: string) => (typeof typed?.[name] === "string" ? (typed[name] as string) : undefined);
  const navigation = useNavigation();
  return (
    <AuthCard title={`Join ${view.organizationName}`}>
      <p className="text-sm text-slate-700">
        {view.inviterName} invited you to join {view.organizationName} on Mutual as {view.roleWords}
        {view.teamName ? ` on the ${view.teamName} team` : ""}. You will sign in as <strong>{view.email}</strong>.
      </p>
      <Form method="post" action="/join" className="space-y-4" noValidate>
        <input type="hidden" name="token" value={token} />
        <InputField
          label="Your name"
          id="join-name"
          name="name"
          autoComplete="name"
          required
          maxLength={120}
          defaultValue={typedText("name")}
          errors={errors?.name ?? undefined}
        />
        <InputField
          label="Job title (optional)"
          id="join-title"
          name="title"
          autoComplete="organization-title"
          maxLength={120}
          defaultValue={typedText("title")}
          errors={errors?.title ?? undefined}
        />
        <Button type="submit" className="w-full" pending={navigation.state === "submitting"}>
          Join {view.organizationName}
        </Button>
      </Form>
    </AuthCard>
  );
}
