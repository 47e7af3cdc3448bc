import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, NotificationFooter, buttonStyle, paragraph } from "./layout";

export interface BuyerChangesEmailProps {
  accountName: string;
  planTitle: string;
  /** One short sentence per change, oldest first: "Bea Buyer moved “Pilot” from 4 Jan 2027 to 11 Jan 2027." */
  changes: string[];
  action: { label: string; href: string };
  footer: { reason: string; stopHref: string; preferencesHref: string };
}

const itemStyle = { ...paragraph, margin: "0 0 8px", paddingLeft: "12px", borderLeft: "3px solid #c7d2fe" };

/** What the buyer side changed on a plan in the last few minutes, in one email. */
export default function BuyerChangesEmail({ accountName, planTitle, changes, action, footer }: BuyerChangesEmailProps) {
  const count = changes.length === 1 ? "a change" : `${changes.length} changes`;
  return (
    <EmailLayout preview={changes[0] ?? `${accountName} changed the plan`} footer={<NotificationFooter {...footer} />}>
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 12px" }}>
        {accountName} made {count} to the plan
      </Heading>
      <Text style={paragraph}>On “{planTitle}”:</Text>
      {changes.map((change, index) => (
        <Text key={index} style={itemStyle}>
          {change}
        </Text>
      ))}
      <Button href={action.href} style={buttonStyle}>
        {action.label}
      </Button>
    </EmailLayout>
  );
}

BuyerChangesEmail.PreviewProps = {
  accountName: "Initech",
  planTitle: "Initech: mutual action plan",
  changes: [
    "Bea Buyer moved “Security review submitted” from 18 Dec 2026 to 8 Jan 2027: “Our CISO is out until January”.",
    "Bea Buyer marked “Business case shared with finance” done.",
    "Tom Tech commented on “Technical evaluation complete”: “Can we get a sandbox with SSO?”.",
  ],
  action: { label: "Open the deal", href: "http://localhost:5173/deals/deal-id" },
  footer: {
    reason: "You get this email because you own this deal in Mutual.",
    stopHref: "http://localhost:5173/email/stop?e=rep%40northwind.example&k=BUYER_CHANGES&s=preview",
    preferencesHref: "http://localhost:5173/email/preferences?e=rep%40northwind.example&s=preview",
  },
} satisfies BuyerChangesEmailProps;
