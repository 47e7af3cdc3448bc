// Where a sign-up's email leads: the link's page (a button, because mail scanners open links)
// or the typed code. Only a proven address creates the workspace, and then signs its admin in.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DropFromAddress, useAddressWithout } from "~/components/secret-link";
import { CodeCard, FailureCard, LinkButtonCard } from "~/components/verify-steps";
import { completeSignUp, type SignUpResult } from "~/models/sign-up.server";
import { secretLinkPageHeaders } from "~/utils/route-headers";
import { startSession } from "~/utils/session.server";
import { failureMessages, readVerifyPost } from "~/utils/verify-post.server";

export const meta: MetaFunction = () => [{ title: "Create a workspace · Mutual" }, { name: "robots", content: "noindex" }];

export const headers = secretLinkPageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return { token: url.searchParams.get("token") ?? "", email: url.searchParams.get("email") ?? "" };
}

const FAILURE_MESSAGES = failureMessages("sign-up link or code");
const TAKEN = "This address already has an account, so nothing new was created. Sign in instead.";
const REFUSALS: Record<Exclude<SignUpResult, { ok: true }>["reason"], string> = {
  TAKEN,
  INVALID: FAILURE_MESSAGES.INVALID,
  NOT_JOINABLE: "This workspace no longer lets addresses at your domain join by themselves. Ask an admin of your organization to invite you.",
  CLOSED: "This deployment creates workspaces by invitation only.",
};

export async function action({ request, context }: ActionFunctionArgs) {
  const post = await readVerifyPost(request, context, ["SELLER_SIGN_UP"], FAILURE_MESSAGES);
  if (!post.ok) return post.refusal;
  const done = await completeSignUp(post.verification, { via: post.via, ip: post.ip });
  if (!done.ok && done.reason === "CLOSED") throw new Response(REFUSALS.CLOSED, { status: 403 });
  if (!done.ok) return post.refuse(REFUSALS[done.reason]);
  const { user } = done;
  const cookie = await startSession({
    kind: "SELLER",
    organizationId: user.organizationId,
    userId: user.id,
    userAgent: request.headers.get("user-agent"),
    signIn: { email: user.email, via: post.via, ip: post.ip },
  });
  return redirect("/deals", { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function SignUpVerify() {
  return (
    <>
      <VerifyStep />
      <DropFromAddress names={["token"]} />
    </>
  );
}

function VerifyStep() {
  const { token, email } = useLoaderData<typeof loader>();
  const postTo = useAddressWithout(["token"]);
  const actionData = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";

  if (actionData?.failure) {
    const taken = actionData.failure === TAKEN;
    const startOver = taken ? `/login?${new URLSearchParams({ email })}` : "/signup";
    return <FailureCard failure={actionData.failure} startOver={startOver} startOverLabel={taken ? "Sign in" : "Start again"} />;
  }
  if (token) {
    return (
      <LinkButtonCard
        title="Confirm your address"
        intro="Press the button to confirm your address and continue to your workspace."
        submitLabel="Continue"
        token={token}
        postTo={postTo}
        pending={pending}
      />
    );
  }
  return (
    <CodeCard
      intro={
        email ? (
          <>
            We sent <strong>{email}</strong> an email. Enter the 6-digit code from it to create your workspace. If the address already has an account, the email
            says how to sign in instead.
          </>
        ) : (
          "Enter your email and the 6-digit code we sent you."
        )
      }
      submitLabel="Continue"
      email={email}
      lastResult={actionData?.result}
      postTo={postTo}
      pending={pending}
      newCode="/signup"
    />
  );
}
