/**
 * Every kind of webhook event, defined once: the settings page lists them, endpoints subscribe to
 * them, and the recorder sends no other. docs/webhooks.md describes each payload.
 */
export const WEBHOOK_EVENT_TYPES = [
  "step.completed",
  "step.redated",
  "plan.shared",
  "plan.accepted",
  "participant.joined",
  "deal.health_changed",
  "deal.forecast_changed",
  "deal.stage_changed",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What each event means, as the settings page and chat messages say it. */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "step.completed": "A step was completed",
  "step.redated": "A step was re-dated",
  "plan.shared": "A plan was shared with the buyer",
  "plan.accepted": "A buyer accepted a plan",
  "participant.joined": "A buyer joined a plan",
  "deal.health_changed": "A deal's health label changed",
  "deal.forecast_changed": "A deal's derived forecast category changed",
  "deal.stage_changed": "A deal's stage changed",
};

export const WEBHOOK_KINDS = ["STANDARD", "SLACK", "TEAMS"] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

export const WEBHOOK_KIND_LABELS: Record<WebhookKind, string> = {
  STANDARD: "Signed webhook (JSON)",
  SLACK: "Slack incoming webhook",
  TEAMS: "Microsoft Teams incoming webhook",
};

const KNOWN: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);

export function isWebhookEventType(type: string): type is WebhookEventType {
  return KNOWN.has(type);
}

/** An endpoint's events are stored space-separated; unknown words (from an older version) are dropped. */
export function subscribedEvents(stored: string): WebhookEventType[] {
  return stored.split(/\s+/).filter(isWebhookEventType);
}

export function storedEvents(types: readonly string[]): string {
  return WEBHOOK_EVENT_TYPES.filter((type) => types.includes(type)).join(" ");
}

/**
 * The event a plan-history row stands for, if any. A step is completed when it comes to count as
 * done (app/domain/completion.ts): a seller's mark on a buyer's or joint step is only a candidate,
 * and the buyer's confirmation is the completion. A reopened step is not an event.
 */
export function eventTypeForActivity(action: string, after: Record<string, unknown> | null | undefined): WebhookEventType | null {
  switch (action) {
    case "milestone.completed":
    case "milestone.confirmed":
      return "step.completed";
    case "milestone.redated":
      return "step.redated";
    case "plan.shared":
    case "plan.accepted":
    case "participant.joined":
      return action;
    case "deal.updated":
      return after && after.stage !== undefined ? "deal.stage_changed" : null;
    default:
      return null;
  }
}

/** The JSON body every signed endpoint receives; chat endpoints get a message made from it. */
export interface WebhookBody {
  /** "webhook.test" only for the settings page's test event, sent to one endpoint whatever it subscribes to. */
  type: WebhookEventType | "webhook.test";
  /** ISO 8601, when the change was recorded. */
  timestamp: string;
  data: {
    deal: { id: string; name: string; accountName: string; externalId: string | null; url: string } | null;
    plan?: { id: string } | null;
    /** internalOnly: a step the seller keeps off the buyer's plan. */
    step?: { id: string; title: string; internalOnly: boolean } | null;
    participant?: { id: string } | null;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  };
}
