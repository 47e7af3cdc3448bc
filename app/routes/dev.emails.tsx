// Every email template with its sample data, HTML and plain text, for whoever writes or changes
// one. Outside production only, like the dev outbox.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { isProduction } from "~/utils/env.server";
import { emailBodyOf } from "~/components/email-body";
import { renderPreviews, type EmailTemplateModule } from "~/utils/email-previews.server";

export const meta: MetaFunction = () => [{ title: "Email previews · Mutual" }, { name: "robots", content: "noindex" }];

const TEMPLATES = import.meta.glob<EmailTemplateModule>("../../emails/*.tsx", { eager: true });

export async function loader({ request }: LoaderFunctionArgs) {
  if (isProduction()) throw new Response("Not found", { status: 404 });
  const only = new URL(request.url).searchParams.get("only");
  const previews = await renderPreviews(TEMPLATES);
  const shown = only ? previews.filter((preview) => preview.name === only) : previews;
  if (only && shown.length === 0) throw new Response("No email template has that name.", { status: 404 });
  return { names: previews.map((preview) => preview.name), previews: shown.map(({ name, html, text }) => ({ name, html: emailBodyOf(html), text })) };
}

export default function DevEmails() {
  const { names, previews } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-semibold">Email previews</h1>
      <p className="mt-1 text-sm text-slate-600">
        Each template in <code>emails/</code> rendered with its sample data. Only outside production; emails actually queued are in the{" "}
        <a className="underline" href="/dev/outbox">
          dev outbox
        </a>
        .
      </p>
      <nav aria-label="Templates" className="mt-4 flex flex-wrap gap-2 text-sm">
        <a className="rounded-md border border-slate-300 bg-white px-2 py-1" href="/dev/emails">
          All
        </a>
        {names.map((name) => (
          <a key={name} className="rounded-md border border-slate-300 bg-white px-2 py-1" href={`/dev/emails?only=${name}`}>
            {name}
          </a>
        ))}
      </nav>
      <ol className="mt-6 space-y-8">
        {previews.map((preview) => (
          <li key={preview.name} id={preview.name} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid="email-preview">
            <h2 className="font-medium">{preview.name}</h2>
            <div className="mt-3 overflow-x-auto rounded border border-slate-200" dangerouslySetInnerHTML={{ __html: preview.html }} />
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-slate-600">Plain text</summary>
              <pre className="mt-2 whitespace-pre-wrap text-xs">{preview.text}</pre>
            </details>
          </li>
        ))}
      </ol>
    </main>
  );
}
