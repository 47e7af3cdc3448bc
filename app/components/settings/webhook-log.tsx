import { formatMoment } from "~/components/format";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { Panel } from "~/components/ui/panel";
import { WEBHOOK_EVENT_LABELS, isWebhookEventType } from "~/domain/webhook-events";
import type { DeliveryLine } from "~/models/webhook-log.server";
import { IntentButton } from "./webhook-forms";

const STATUS: Record<DeliveryLine["status"], { label: string; tone: BadgeTone }> = {
  PENDING: { label: "Waiting", tone: "blue" },
  DELIVERED: { label: "Delivered", tone: "green" },
  FAILED: { label: "Gave up", tone: "red" },
  HELD: { label: "Held while paused", tone: "amber" },
};

function eventWords(type: string) {
  return isWebhookEventType(type) ? WEBHOOK_EVENT_LABELS[type] : type === "webhook.test" ? "Test event" : "Other event";
}

function lastAnswer(line: DeliveryLine) {
  if (line.lastStatusCode !== null) return `Answered ${line.lastStatusCode}`;
  if (line.lastError) return "No answer";
  return "Not tried yet";
}

/** The latest deliveries, as a list that reads on a phone as well as on a wide screen. */
export function DeliveryLog({ deliveries, timeZone }: { deliveries: DeliveryLine[]; timeZone: string }) {
  return (
    <Panel headingId="deliveries-heading" title="Recent deliveries" className="p-4">
      {deliveries.length === 0 ? <p className="mt-2 text-sm text-slate-600">Nothing sent yet.</p> : null}
      <ul className="mt-2 divide-y divide-slate-100">
        {deliveries.map((line) => (
          <li key={line.id} id={`delivery-${line.id}`} data-testid="delivery" className="flex items-center gap-3 py-2 text-sm">
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className="font-medium">{eventWords(line.eventType)}</span>
                <Badge tone={STATUS[line.status].tone}>{STATUS[line.status].label}</Badge>
                <span className="text-slate-600">
                  {formatMoment(line.createdAt, timeZone)} · {line.attempts} {line.attempts === 1 ? "try" : "tries"} · {lastAnswer(line)}
                  {line.status === "PENDING" && line.attempts > 0 ? ` · next try ${formatMoment(line.nextAttemptAt, timeZone)}` : ""}
                </span>
              </p>
              {line.lastError && line.status !== "DELIVERED" && line.lastStatusCode === null ? (
                <p className="mt-1 text-xs break-words text-slate-500">{line.lastError}</p>
              ) : null}
            </div>
            <IntentButton intent="resend" label="Re-send" hidden={{ deliveryId: line.id }} />
          </li>
        ))}
      </ul>
    </Panel>
  );
}
