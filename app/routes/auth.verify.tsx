// The page an emailed sign-in link opens. Its loader reads nothing secret and changes nothing:
// mail scanners fetch links (and may run scripts) before people do, so only the button's POST
// consumes the link. The same page takes the 6-digit code typed on any device. The link's token
// travels in the form's body, never in its address, and leaves the address bar once the page has loaded.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DropFromAddress, useAddressWithout } from "~/components/secret-link";
import { CodeCard, FailureCard, LinkButtonCard } from "~/components/verify-steps";
import { userForVerification } from "~/models/verification.server";
import { safeRedirect } from "~/utils/auth.server";
import { secretLinkPageHeaders } from "~/utils/route-headers";
import { startSession } from "~/utils/session.server";
import { failureMessages, readVerifyPost } from "~/utils/verify-post.server";

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

const FAILURE_MESSAGES = failureMessages("sign-in link or code");

export async function action({ request, context }: ActionFunctionArgs) {
  const post = await readVerifyPost(request, context, ["SELLER_SIGN_IN"], FAILURE_MESSAGES);
  if (!post.ok) return post.refusal;
  const user = await userForVerification(post.verification.target);
  if (!user) return post.refuse(FAILURE_MESSAGES.INVALID);
  const cookie = await startSession({
    kind: "SELLER",
    organizationId: user.organizationId,
    userId: user.id,
    userAgent: request.headers.get("user-agent"),
    signIn: { email: user.email, via: post.via, ip: post.ip },
  });
  return redirect(safeRedirect(post.redirectTo), { headers: { "Set-Cookie": cookie } });
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
  const pending = useNavigation().state === "submitting";
  const startOver = `/login?${new URLSearchParams({ email, redirectTo })}`;

  if (actionData?.failure) return <FailureCard failure={actionData.failure} startOver={startOver} startOverLabel="Send me a new link" />;
  if (token) {
    return (
      <LinkButtonCard
        title="Sign in to Mutual"
        intro="Press the button to finish signing in on this device."
        submitLabel="Sign in"
        token={token}
        redirectTo={redirectTo}
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
            If <strong>{email}</strong> has an account, we sent it a 6-digit code and a sign-in link.
          </>
        ) : (
          "Enter your email and the 6-digit code we sent you."
        )
      }
      submitLabel="Sign in"
      email={email}
      redirectTo={redirectTo}
      lastResult={actionData?.result}
      postTo={postTo}
      pending={pending}
      newCode={startOver}
    />
  );
}
