import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, NotificationFooter, buttonStyle, paragraph } from "./layout";

export interface PlanAcceptedEmailProps {
  buyerName: string;
  accountName: string;
  planTitle: string;
  /** "3 Dec 2026" */
  acceptedOn: string;
  /** The rep who owns the deal, named when the reader is their manager; absent for the rep. */
  ownerName?: string;
  /** The next open step the buyer sees, if any: "“Security review submitted”, due 18 Dec 2026". */
  nextStep?: string;
  action: { label: string; href: string };
  footer: { reason: string; stopHref: string; preferencesHref: string };
}

/** A buyer recorded "we agree to this plan". */
export default function PlanAcceptedEmail({ buyerName, accountName, planTitle, acceptedOn, ownerName, nextStep, action, footer }: PlanAcceptedEmailProps) {
  const whose = ownerName ? `${ownerName}'s deal with ${accountName}` : `your deal with ${accountName}`;
  return (
    <EmailLayout preview={`${buyerName} accepted “${planTitle}”`} footer={<NotificationFooter {...footer} />}>
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 12px" }}>
        {accountName} accepted the plan
      </Heading>
      <Text style={paragraph}>
        {buyerName} accepted “{planTitle}” on {acceptedOn}, for {whose}. From now on the plan counts as accepted in the deal’s health and forecast.
      </Text>
      {nextStep ? <Text style={paragraph}>Next open step: {nextStep}.</Text> : null}
      <Button href={action.href} style={buttonStyle}>
        {action.label}
      </Button>
    </EmailLayout>
  );
}

PlanAcceptedEmail.PreviewProps = {
  buyerName: "Bea Buyer",
  accountName: "Initech",
  planTitle: "Initech: mutual action plan",
  acceptedOn: "3 Dec 2026",
  nextStep: "“Security review submitted”, due 18 Dec 2026",
  action: { label: "Open the deal", href: "http://localhost:5173/deals/deal-id" },
  footer: {
    reason: "You get this email because you own this deal in Mutual.",
    stopHref: "http://localhost:5173/email/stop?e=rep%40northwind.example&k=PLAN_ACCEPTED&s=preview",
    preferencesHref: "http://localhost:5173/email/preferences?e=rep%40northwind.example&s=preview",
  },
} satisfies PlanAcceptedEmailProps;
