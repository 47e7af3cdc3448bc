// One webhook endpoint, for its organization's admins: its events, pause and resume, a new signing
// secret (shown once), a test event, deleting it, and the delivery log with "Re-send".
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SettingsNotice, StaleNotice, fieldErrors, useAnswer } from "~/components/settings/settings-notice";
import { EventChoices, IntentButton, typedEventsOr, typedOr } from "~/components/settings/webhook-forms";
import { DeliveryLog } from "~/components/settings/webhook-log";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { Panel } from "~/components/ui/panel";
import { WEBHOOK_KIND_LABELS, subscribedEvents, type WebhookKind } from "~/domain/webhook-events";
import { EndpointEventsSchema, NoFieldsSchema, ResendSchema } from "~/forms/webhooks";
import { deleteEndpoint, pauseEndpoint, resumeEndpoint, rollEndpointSecret, updateEndpointEvents } from "~/models/webhook-admin.server";
import { endpointLog, resendDelivery, sendTestEvent } from "~/models/webhook-log.server";
import { requireAdmin } from "~/utils/auth.server";
import { takeNotice } from "~/utils/flash.server";
import { readForm } from "~/utils/form-data.server";
import { asResponse, runIntent, unknownIntent, type Saved } from "~/utils/intent.server";
import { SHOWN_ONCE_CACHE_CONTROL, keepRetryAfter } from "~/utils/route-headers";
import { showOnce, takeShownOnce } from "~/utils/shown-once.server";
import { ErrorPage } from "~/root";

export const meta: MetaFunction = () => [{ title: "Webhook · Mutual" }];
export const headers = keepRetryAfter;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const { endpoint, deliveries } = await endpointLog(admin, params.endpointId ?? "").catch((error) => {
    throw asResponse(error);
  });
  const { notice, headers } = await takeNotice(request);
  const { secret, clear } = takeShownOnce(request);
  const responseHeaders = new Headers(headers);
  if (clear) responseHeaders.append("Set-Cookie", clear);
  if (secret) responseHeaders.set("Cache-Control", SHOWN_ONCE_CACHE_CONTROL);
  const view = {
    id: endpoint.id,
    url: endpoint.url,
    kind: endpoint.kind as WebhookKind,
    description: endpoint.description,
    events: subscribedEvents(endpoint.events),
    paused: endpoint.status === "PAUSED",
    version: endpoint.version,
  };
  return data({ endpoint: view, deliveries, notice, secret, timeZone: admin.timezone }, { headers: responseHeaders });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const endpointId = params.endpointId ?? "";
  const page = `/settings/webhooks/${endpointId}`;
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const plain = (work: () => Promise<unknown>, saved: Saved) => runIntent(form, NoFieldsSchema, intent, page, () => work().then(() => saved));
  switch (intent) {
    case "update-events":
      return runIntent(form, EndpointEventsSchema, intent, page, (v) => updateEndpointEvents(admin, endpointId, v).then(() => at("events", "Events saved.")));
    case "pause":
      return plain(() => pauseEndpoint(admin, endpointId), at("state", "Webhook paused."));
    case "resume":
      return plain(() => resumeEndpoint(admin, endpointId), at("state", "Webhook resumed: waiting events are being sent."));
    case "send-test":
      return plain(() => sendTestEvent(admin, endpointId), at("deliveries", "Test event queued."));
    case "delete":
      return plain(() => deleteEndpoint(admin, endpointId), { anchor: "webhooks-heading", message: "Webhook deleted.", path: "/settings/webhooks" });
    case "roll-secret": {
      let secret = "";
      const answer = await plain(async () => (secret = await rollEndpointSecret(admin, endpointId)), at("signing-secret", "New signing secret made."));
      return answer instanceof Response && secret ? showOnce(answer, page, secret) : answer;
    }
    case "resend":
      return runIntent(form, ResendSchema, intent, page, (v) =>
        resendDelivery(admin, endpointId, v.deliveryId).then((queued) =>
          at(`delivery-${v.deliveryId}`, queued ? "Queued again." : "This event is being sent right now: see its result in a moment."),
        ),
      );
    default:
      throw unknownIntent();
  }
}

function at(anchor: string, message: string): Saved {
  return { anchor, message };
}

export default function WebhookPage() {
  const { endpoint, deliveries, notice, secret, timeZone } = useLoaderData<typeof loader>();
  const events = useAnswer("update-events");
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to="/settings/webhooks" className="text-brand-700 underline">
          All webhooks
        </Link>
      </p>
      <h1 className="text-2xl font-semibold break-all">{endpoint.description || endpoint.url}</h1>
      <SettingsNotice notice={notice} />
      {secret ? (
        <section id="signing-secret" aria-labelledby="secret-heading" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
          <h2 id="secret-heading" className="font-semibold">
            Signing secret
          </h2>
          <p className="mt-1">Copy it now into the receiving system: it is shown only this once.</p>
          <InputField label="Secret" id="secret-value" readOnly value={secret} className="mt-2" />
        </section>
      ) : null}
      <Panel headingId="state-heading" title="Receiver" className="p-4">
        <div id="state" className="mt-2 space-y-3 text-sm">
          <p className="break-all">
            {endpoint.url} · {WEBHOOK_KIND_LABELS[endpoint.kind]} {endpoint.paused ? <Badge tone="amber">Paused</Badge> : <Badge tone="green">Active</Badge>}
          </p>
          {endpoint.paused ? <p>While paused, events wait here and are sent when you resume.</p> : null}
          <div className="flex flex-wrap gap-2">
            {endpoint.paused ? <IntentButton intent="resume" label="Resume" /> : <IntentButton intent="pause" label="Pause" />}
            <IntentButton intent="send-test" label="Send a test event" />
            {endpoint.kind === "STANDARD" ? <IntentButton intent="roll-secret" label="Make a new signing secret" /> : null}
            <IntentButton intent="delete" label="Delete webhook" variant="danger" />
          </div>
        </div>
      </Panel>
      <Panel headingId="events-heading" title="Events" className="p-4">
        <Form method="post" id="events" key={endpoint.version} className="mt-3 space-y-3" noValidate>
          <input type="hidden" name="intent" value="update-events" />
          <input type="hidden" name="version" value={endpoint.version} />
          <StaleNotice answer={events} />
          <InputField
            label="Description (optional)"
            id="edit-description"
            name="description"
            defaultValue={typedOr(events, "description", endpoint.description)}
            maxLength={200}
            errors={fieldErrors(events, "description")}
          />
          <EventChoices idPrefix="edit" checked={typedEventsOr(events, endpoint.events)} errors={fieldErrors(events, "events")} />
          <Button type="submit">Save events</Button>
        </Form>
      </Panel>
      <div id="deliveries">
        <DeliveryLog deliveries={deliveries} timeZone={timeZone} />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
