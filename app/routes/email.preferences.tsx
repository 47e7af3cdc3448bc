// A person's email choices from the signed link every stoppable email carries ("Choose which
// emails you get"): no sign-in, since buyers have no account. The link names the address and signs
// it; the GET only shows the choices, the POST saves them. A wrong signature gets a 400 page, and
// wrong links and saves count against the client's limits like the one-click stop's.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuthCard } from "~/components/auth-card";
import { EmailChoiceBoxes } from "~/components/settings/email-choices";
import { Button } from "~/components/ui/button";
import { AddressEmailChoicesSchema } from "~/forms/email-preferences";
import { errorsOf } from "~/forms/intent";
import { emailChoicesByAddress, saveEmailChoicesByAddress } from "~/models/email-preferences.server";
import { readForm } from "~/utils/form-data.server";
import { intentOutcome } from "~/utils/intent.server";
import { LIMITS, clientIp, enforceLimits } from "~/utils/rate-limit.server";
import { secretLinkPageHeaders } from "~/utils/route-headers";
import { validPreferencesLink } from "~/utils/unsubscribe.server";

export const meta: MetaFunction = () => [{ title: "Choose which emails you get · Mutual" }, { name: "robots", content: "noindex" }];

export const headers = secretLinkPageHeaders;

function linkOf(request: Request) {
  const query = new URL(request.url).searchParams;
  const email = String(query.get("e") ?? "").toLowerCase();
  const sig = String(query.get("s") ?? "");
  return { email, sig, valid: validPreferencesLink(email, sig), saved: query.get("saved") === "1" };
}

/** Where the page's form posts and a save returns to: the signed link itself. */
function pageOf(link: { email: string; sig: string }, saved = false) {
  return `/email/preferences?${new URLSearchParams({ e: link.email, s: link.sig, ...(saved ? { saved: "1" } : {}) })}`;
}

const INVALID = { valid: false as const };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const link = linkOf(request);
  if (!link.valid) {
    await enforceLimits([LIMITS.missesPerIp, clientIp(context)]);
    return data(INVALID, { status: 400 });
  }
  return { valid: true as const, email: link.email, page: pageOf(link), saved: link.saved, choices: await emailChoicesByAddress(link.email) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ip = clientIp(context);
  await enforceLimits([LIMITS.stopEmailsPerIp, ip]);
  const link = linkOf(request);
  if (!link.valid) return data(INVALID, { status: 400 });
  const form = await readForm(request);
  const outcome = await intentOutcome(form, AddressEmailChoicesSchema, "email-choices", (value) => saveEmailChoicesByAddress(link.email, value.on, ip));
  if (outcome.status === 200) throw redirect(pageOf(link, true), 303);
  return data({ valid: true as const, answer: outcome.result }, { status: outcome.status });
}

export default function EmailPreferences() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  if (!page.valid || answer?.valid === false) {
    return (
      <AuthCard title="This link is not valid">
        <p className="text-slate-700">Open the link from the email again; it may have been cut by your mail program.</p>
      </AuthCard>
    );
  }
  const result = answer && "answer" in answer ? answer.answer : undefined;
  return (
    <AuthCard title="Choose which emails you get">
      <p className="text-slate-700">
        For <strong>{page.email}</strong>.
      </p>
      {page.saved && !result ? (
        <p role="status" className="text-sm font-medium text-emerald-800">
          Saved. Your choices apply to the next email.
        </p>
      ) : null}
      <Form method="post" action={page.page} className="space-y-4">
        <EmailChoiceBoxes choices={page.choices} defaultName="the default" errors={errorsOf(result, "on")} />
        <Button type="submit" className="w-full" pending={navigation.state === "submitting"}>
          Save my choices
        </Button>
      </Form>
    </AuthCard>
  );
}
