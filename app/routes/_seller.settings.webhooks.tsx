// The organization's webhooks, for its admins: the endpoints with their state, and a form to add
// one. A new endpoint's signing secret is shown once, on its own page, after the 303.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SettingsNotice } from "~/components/settings/settings-notice";
import { NewEndpointForm } from "~/components/settings/webhook-forms";
import { Badge } from "~/components/ui/badge";
import { Panel } from "~/components/ui/panel";
import { WEBHOOK_KIND_LABELS } from "~/domain/webhook-events";
import { NewEndpointSchema } from "~/forms/webhooks";
import { createEndpoint, listEndpoints } from "~/models/webhook-admin.server";
import { requireAdmin } from "~/utils/auth.server";
import { takeNotice } from "~/utils/flash.server";
import { readForm } from "~/utils/form-data.server";
import { runIntent, unknownIntent } from "~/utils/intent.server";
import { keepRetryAfter } from "~/utils/route-headers";
import { showOnce } from "~/utils/shown-once.server";
import { ErrorPage } from "~/root";

export const meta: MetaFunction = () => [{ title: "Webhooks · Mutual" }];
export const headers = keepRetryAfter;

const PAGE = "/settings/webhooks";

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const [endpoints, { notice, headers }] = await Promise.all([listEndpoints(admin), takeNotice(request)]);
  return data({ endpoints, notice }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const form = await readForm(request);
  if (form.get("intent") !== "create-endpoint") throw unknownIntent();
  let created: { id: string; secret: string; signed: boolean } | null = null;
  const answer = await runIntent(form, NewEndpointSchema, "create-endpoint", PAGE, async (value) => {
    const { endpoint, secret } = await createEndpoint(admin, value);
    created = { id: endpoint.id, secret, signed: endpoint.kind === "STANDARD" };
    return { anchor: "signing-secret", message: "Webhook added.", path: `${PAGE}/${endpoint.id}` };
  });
  const made = created as { id: string; secret: string; signed: boolean } | null;
  return answer instanceof Response && made?.signed ? showOnce(answer, `${PAGE}/${made.id}`, made.secret) : answer;
}

export default function WebhooksPage() {
  const { endpoints, notice } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Webhooks</h1>
      <p className="text-sm text-slate-600">
        Mutual can tell your CRM, a Slack channel or a Teams channel when a step is completed or re-dated, a plan is shared or accepted, a buyer joins, or a
        deal&apos;s health, forecast or stage changes.
      </p>
      <SettingsNotice notice={notice} />
      <Panel headingId="webhooks-heading" title="Webhooks" className="p-4">
        {endpoints.length === 0 ? <p className="mt-2 text-sm text-slate-600">No webhook yet.</p> : null}
        <ul className="mt-2 divide-y divide-slate-100">
          {endpoints.map((endpoint) => (
            <li key={endpoint.id} data-testid="webhook" className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-3">
              <Link to={`${PAGE}/${endpoint.id}`} className="font-medium break-all text-brand-700 underline">
                {endpoint.description || endpoint.url}
              </Link>
              <span className="text-sm text-slate-600">{WEBHOOK_KIND_LABELS[endpoint.kind]}</span>
              {endpoint.status === "PAUSED" ? <Badge tone="amber">Paused</Badge> : <Badge tone="green">Active</Badge>}
              <span className="text-sm text-slate-600">
                {endpoint.events.length} {endpoint.events.length === 1 ? "event" : "events"} · {endpoint.waiting} waiting · {endpoint.failed} failed
              </span>
            </li>
          ))}
        </ul>
      </Panel>
      <NewEndpointForm resetKey={notice?.id} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
