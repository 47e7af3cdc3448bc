import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AuthCard } from "~/components/auth-card";
import { DropFromAddress, useAddressWithout } from "~/components/secret-link";
import { Button } from "~/components/ui/button";
import { LIMITS, clientIp, enforceLimits } from "~/utils/rate-limit.server";
import { secretLinkPageHeaders } from "~/utils/route-headers";
import { STOPPABLE_KINDS, stopEmails, validStop } from "~/utils/unsubscribe.server";
import { readForm } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Stop these emails · Mutual" }, { name: "robots", content: "noindex" }];

export const headers = secretLinkPageHeaders;

/** The link's signed parameters: its forms post them in the body, and the address drops them. */
const LINK_PARAMS = ["e", "k", "s"];

function read(params: URLSearchParams | FormData) {
  return { email: String(params.get("e") ?? ""), kind: String(params.get("k") ?? ""), sig: String(params.get("s") ?? "") };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const link = read(new URL(request.url).searchParams);
  // Mail scanners open links: the GET only checks the link and shows the button.
  const valid = validStop(link.email, link.kind, link.sig);
  if (!valid) await enforceLimits([LIMITS.missesPerIp, clientIp(context)]);
  return { ...link, valid, what: STOPPABLE_KINDS[link.kind] ?? "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await enforceLimits([LIMITS.stopEmailsPerIp, clientIp(context)]);
  const form = await readForm(request);
  // A mail program's one-click unsubscribe (RFC 8058) posts "List-Unsubscribe=One-Click" to the
  // link itself, so the signed address and kind are in the URL, not the body.
  const link = form.has("e") ? read(form) : read(new URL(request.url).searchParams);
  if (!validStop(link.email, link.kind, link.sig)) throw new Response("This link is not valid.", { status: 400 });
  await stopEmails(link.email, link.kind, clientIp(context));
  // The page the form posted to has no link in its address to say this from.
  return { stopped: true, email: link.email, what: STOPPABLE_KINDS[link.kind] };
}

export default function StopEmails() {
  return (
    <>
      <StopStep />
      <DropFromAddress names={LINK_PARAMS} />
    </>
  );
}

function StopStep() {
  const { email, kind, sig, valid, what } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const postTo = useAddressWithout(LINK_PARAMS);
  if (done?.stopped) {
    return (
      <AuthCard title="Done">
        <p className="text-slate-700" role="status">
          <strong>{done.email}</strong> will no longer get {done.what}. Sign-in codes and invitations still arrive.
        </p>
      </AuthCard>
    );
  }
  if (!valid) {
    return (
      <AuthCard title="This link is not valid">
        <p className="text-slate-700">Open the link from the email again; it may have been cut by your mail program.</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Stop these emails?">
      <p className="text-slate-700">
        Stop sending {what} to <strong>{email}</strong>.
      </p>
      <Form method="post" action={postTo}>
        <input type="hidden" name="e" value={email} />
        <input type="hidden" name="k" value={kind} />
        <input type="hidden" name="s" value={sig} />
        <Button type="submit" className="w-full">
          Stop these emails
        </Button>
      </Form>
    </AuthCard>
  );
}
