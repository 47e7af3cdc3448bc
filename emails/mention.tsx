import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, paragraph } from "./layout";

export interface MentionEmailProps {
  authorName: string;
  /** Where the mention was: "a comment on “Pilot”", "an internal note on the Acme deal". */
  where: string;
  /** The words that mentioned the reader, quoted; left out where the reader may not see them. */
  excerpt?: string;
  /** An internal note: the email says that only the seller's team sees it. */
  internal: boolean;
  action: { label: string; href: string };
  stopHref: string;
}

const quoteStyle = { ...paragraph, borderLeft: "3px solid #c7d2fe", paddingLeft: "12px", color: "#374151", whiteSpace: "pre-wrap" as const };

/** Someone named the reader with @ in a comment on a step or an internal note. */
export default function MentionEmail({ authorName, where, excerpt, internal, action, stopHref }: MentionEmailProps) {
  return (
    <EmailLayout
      preview={`${authorName} mentioned you in ${where}`}
      footer={
        <>
          You get this email because someone mentioned you in Mutual. <Link href={stopHref}>Stop these emails</Link>
        </>
      }
    >
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 12px" }}>
        {authorName} mentioned you
      </Heading>
      <Text style={paragraph}>
        {authorName} mentioned you in {where}.{internal ? " Only your team sees internal notes." : ""}
      </Text>
      {excerpt ? <Text style={quoteStyle}>{excerpt}</Text> : null}
      <Button href={action.href} style={buttonStyle}>
        {action.label}
      </Button>
    </EmailLayout>
  );
}

MentionEmail.PreviewProps = {
  authorName: "Rita Rep",
  where: "an internal note on “Security review submitted”",
  excerpt: "@Sam can you chase their InfoSec team? Their questionnaire has been stuck a week.",
  internal: true,
  action: { label: "Open the deal", href: "http://localhost:5173/deals/deal-id#milestone-id" },
  stopHref: "http://localhost:5173/email/stop?e=sam%40example.com&k=MENTION&s=preview",
} satisfies MentionEmailProps;
