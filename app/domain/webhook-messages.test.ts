import { describe, expect, it } from "vitest";
import { slackMessage, teamsMessage } from "./webhook-messages";
import type { WebhookBody } from "./webhook-events";

const hostile = "<!channel> <https://evil.example|Pay here> & [click](https://evil.example) **now**";
const body: WebhookBody = {
  type: "step.completed",
  timestamp: "2026-11-30T12:00:00.000Z",
  data: {
    deal: { id: "d1", name: "Renewal", accountName: "Acme", externalId: null, url: "https://mutual.example/deals/d1" },
    step: { id: "s1", title: hostile, internalOnly: false },
    before: null,
    after: { status: "DONE" },
  },
};

describe("chat messages", () => {
  it("escape a buyer's step title in Slack's notification text and blocks: no mention, no link", () => {
    const message = slackMessage(body);
    for (const text of [message.text, message.blocks[0].text.text]) {
      expect(text).not.toContain("<!channel>");
      expect(text).not.toContain("<https://evil.example");
      expect(text).toContain("&lt;!channel&gt; &lt;https://evil.example|Pay here&gt; &amp;");
    }
    expect(message.blocks[0].text.text).toContain("<https://mutual.example/deals/d1|Open the deal in Mutual>");
  });

  it("give Teams the step title as plain text, where markdown links are not rendered", () => {
    const card = teamsMessage(body).attachments[0].content;
    expect(card.body).toEqual([{ type: "RichTextBlock", inlines: [{ type: "TextRun", text: expect.stringContaining(hostile) }] }]);
    expect(JSON.stringify(card.body)).not.toContain(`"type":"TextBlock"`);
  });
});
