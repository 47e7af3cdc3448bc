// Outside production, emails that were not sent to a provider land here, so a developer can read
// sign-in codes and links. Once a provider accepted a sign-in email its body is erased; the
// provider's id for it stays, so tests can fetch it from their fake provider. In production this
// page does not exist.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { prisma } from "~/utils/db.server";
import { isProduction } from "~/utils/env.server";
import { openedBody, SealError } from "~/utils/sealed.server";
import { emailBodyOf } from "~/components/email-body";

export const meta: MetaFunction = () => [{ title: "Dev outbox · Mutual" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (isProduction()) throw new Response("Not found", { status: 404 });
  const to = new URL(request.url).searchParams.get("to")?.toLowerCase() || undefined;
  const emails = await prisma.emailOutbox.findMany({
    where: to ? { to } : undefined,
    orderBy: { createdAt: "desc" },
    take: 30,
  });
  return {
    to: to ?? "",
    emails: emails.map((e) => ({
      id: e.id,
      to: e.to,
      kind: e.kind,
      subject: e.subject,
      status: e.status,
      providerId: e.providerId ?? "",
      ...readable(e),
      createdAt: e.createdAt.toISOString(),
    })),
  };
}

export default function DevOutbox() {
  const { emails, to } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-semibold">Dev outbox</h1>
      <p className="mt-1 text-sm text-slate-600">
        Emails queued by this server, newest first. Only outside production; with RESEND_API_KEY set they are also sent.
      </p>
      <form method="get" className="mt-4 flex gap-2">
        <label htmlFor="to" className="sr-only">
          Recipient
        </label>
        <input id="to" name="to" defaultValue={to} placeholder="Filter by recipient" className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
        <button className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">Filter</button>
      </form>
      {emails.length === 0 ? <p className="mt-8 text-slate-600">No emails yet.</p> : null}
      <ol className="mt-6 space-y-6">
        {emails.map((email) => (
          <li
            key={email.id}
            className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
            data-testid="outbox-email"
            data-provider-id={email.providerId}
            data-kind={email.kind}
          >
            <p className="text-sm text-slate-500">
              {new Date(email.createdAt).toLocaleString()} · {email.kind} · {email.status}
            </p>
            <p className="mt-1 font-medium">
              To <span data-testid="outbox-to">{email.to}</span>: {email.subject}
            </p>
            <div className="mt-3 overflow-x-auto rounded border border-slate-200" dangerouslySetInnerHTML={{ __html: emailBodyOf(email.html) }} />
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-slate-600">Plain text</summary>
              <pre className="mt-2 whitespace-pre-wrap text-xs">{email.text}</pre>
            </details>
          </li>
        ))}
      </ol>
    </main>
  );
}

/** The body as the recipient reads it: sealed bodies (codes, links) are opened for this page only. */
function readable(email: { to: string; idempotencyKey: string; html: string; text: string }) {
  try {
    return openedBody(email);
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    const unreadable = "(sealed with a key this server no longer has)";
    return { html: unreadable, text: unreadable };
  }
}
