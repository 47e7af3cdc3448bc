// Chat endpoints (Slack, Microsoft Teams incoming webhooks) get each event as one readable
// sentence and a link to the deal, made from the same body a signed endpoint receives.
import { formatCalendarDate } from "./dates";
import { FORECAST_LABELS, stageName, type ForecastCategory } from "./types";
import type { WebhookBody } from "./webhook-events";

const HEALTH_WORDS: Record<string, string> = { HEALTHY: "Healthy", AT_RISK: "At risk", STALLED: "Stalled" };

function dateWord(value: unknown) {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatCalendarDate(value) : "an unknown date";
}

function stageWord(value: unknown) {
  return typeof value === "number" ? `stage ${value} (${stageName(value)})` : "another stage";
}

function forecastWord(value: unknown) {
  return FORECAST_LABELS[value as ForecastCategory] ?? "another category";
}

/** One sentence saying what happened, without field names or ids. */
export function headline(body: WebhookBody): string {
  const { deal, step, before, after } = body.data;
  const where = deal ? `${deal.accountName} – ${deal.name}` : "a deal";
  const title = step ? `“${step.title}”` : "A step";
  switch (body.type) {
    case "webhook.test":
      return "Test message from Mutual: this endpoint receives plan events.";
    case "step.completed":
      return `${title} was completed on ${where}.`;
    case "step.redated":
      return `${title} on ${where} moved from ${dateWord(before?.targetDate)} to ${dateWord(after?.targetDate)}.`;
    case "plan.shared":
      return `The plan for ${where} was shared with the buyer.`;
    case "plan.accepted":
      return `The buyer accepted the plan for ${where}.`;
    case "participant.joined":
      return `A buyer joined the plan for ${where}.`;
    case "deal.health_changed":
      return `${where}: health went from ${HEALTH_WORDS[String(before?.healthLabel)] ?? "unknown"} to ${HEALTH_WORDS[String(after?.healthLabel)] ?? "unknown"}.`;
    case "deal.forecast_changed":
      return `${where}: the plan-derived forecast went from ${forecastWord(before?.derivedCategory)} to ${forecastWord(after?.derivedCategory)}.`;
    case "deal.stage_changed":
      return `${where} moved from ${stageWord(before?.stage)} to ${stageWord(after?.stage)}.`;
  }
}

/**
 * Slack reads &, < and > as markup in the top-level text (the notification) as in the blocks:
 * escaped, a buyer's step title cannot carry a link or a `<!channel>` mention.
 */
function slackEscape(text: string) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function slackMessage(body: WebhookBody) {
  const text = slackEscape(headline(body));
  const link = body.data.deal ? `\n<${body.data.deal.url}|Open the deal in Mutual>` : "";
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text: text + link } }] };
}

/** An Adaptive Card in a message, which Teams workflows and incoming webhooks both accept. */
export function teamsMessage(body: WebhookBody) {
  const deal = body.data.deal;
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          // A TextRun is plain text, where a TextBlock would render a buyer's markdown links.
          body: [{ type: "RichTextBlock", inlines: [{ type: "TextRun", text: headline(body) }] }],
          actions: deal ? [{ type: "Action.OpenUrl", title: "Open the deal in Mutual", url: deal.url }] : [],
        },
      },
    ],
  };
}
