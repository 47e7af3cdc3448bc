import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, paragraph } from "./layout";

export interface NoticeEmailProps {
  heading: string;
  lines: string[];
  action?: { label: string; href: string };
  /** Why the reader gets this email. */
  footer: string;
  /** The one-click way to stop this kind of email; none for a notice people cannot turn off. */
  stopHref?: string;
}

/** A short notice: someone joined a plan, asked for access, or was answered. */
export default function NoticeEmail({ heading, lines, action, footer, stopHref }: NoticeEmailProps) {
  return (
    <EmailLayout
      preview={lines[0] ?? heading}
      footer={
        <>
          {footer} {stopHref ? <Link href={stopHref}>Stop these emails</Link> : null}
        </>
      }
    >
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 12px" }}>
        {heading}
      </Heading>
      {lines.map((line) => (
        <Text key={line} style={paragraph}>
          {line}
        </Text>
      ))}
      {action ? (
        <Button href={action.href} style={buttonStyle}>
          {action.label}
        </Button>
      ) : null}
    </EmailLayout>
  );
}

NoticeEmail.PreviewProps = {
  heading: "Dana Lee asks to join the Initech plan",
  lines: ["dana.lee@gmail.example opened a forwarded link to “Initech: mutual action plan”. Their domain is not on the plan's allowed list."],
  action: { label: "Approve or decline", href: "http://localhost:5173/deals/deal-id" },
  footer: "You get this email because you own this deal in Mutual.",
  stopHref: "http://localhost:5173/email/stop?e=rep%40example.com&k=REP_NOTICE&s=preview",
} satisfies NoticeEmailProps;
