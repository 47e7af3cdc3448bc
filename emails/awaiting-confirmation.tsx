import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, NotificationFooter, buttonStyle, paragraph } from "./layout";

export interface AwaitingConfirmationEmailProps {
  recipientName: string;
  stepTitle: string;
  /** The seller who marked it done, and their company. */
  markedBy: string;
  sellerCompany: string;
  /** "Tue, 1 Dec 2026". */
  markedOn: string;
  planTitle: string;
  /** The reader owns the step, or is one of the buyers on a plan where nobody on their side does. */
  owner: boolean;
  action: { label: string; href: string };
  stopHref: string;
  preferencesHref: string;
}

const stepBox = { backgroundColor: "#fffbeb", borderRadius: "6px", padding: "12px 16px", margin: "0 0 16px" };

/** A seller marked a buyer's step done: it counts once someone on the buyer's side confirms it. */
export default function AwaitingConfirmationEmail(props: AwaitingConfirmationEmailProps) {
  return (
    <EmailLayout
      preview={`${props.markedBy} marked ${props.stepTitle} done. Is it?`}
      footer={
        <NotificationFooter
          reason={props.owner ? "You get this email because you own this step in Mutual." : "You get this email because you are on this plan in Mutual."}
          stopHref={props.stopHref}
          preferencesHref={props.preferencesHref}
        />
      }
    >
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 12px" }}>
        Is “{props.stepTitle}” done?
      </Heading>
      <Text style={paragraph}>Hi {props.recipientName},</Text>
      <Text style={paragraph}>
        {props.markedBy} from {props.sellerCompany} marked {props.owner ? "your" : "a"} step on “{props.planTitle}” done on {props.markedOn}.
      </Text>
      <Section style={stepBox}>
        <Text style={{ ...paragraph, fontWeight: 600, margin: 0 }}>{props.stepTitle}</Text>
        <Text style={{ ...paragraph, margin: 0 }}>Done, awaiting your confirmation</Text>
      </Section>
      <Text style={paragraph}>
        It is your team&apos;s step, so it counts as done once someone on your side confirms it: one click on the plan. If it is not done yet, say so in a
        comment on the step.
      </Text>
      <Button href={props.action.href} style={buttonStyle}>
        {props.action.label}
      </Button>
    </EmailLayout>
  );
}

AwaitingConfirmationEmail.PreviewProps = {
  recipientName: "Bea Buyer",
  stepTitle: "Technical evaluation complete",
  markedBy: "Rita Rep",
  sellerCompany: "Northwind Software",
  markedOn: "Tue, 1 Dec 2026",
  planTitle: "Acme: mutual action plan",
  owner: true,
  action: { label: "Confirm on the plan", href: "http://localhost:5173/p/plan-id#step-step-id" },
  stopHref: "http://localhost:5173/email/stop?e=bea%40acme.example&k=AWAITING_CONFIRMATION&s=preview",
  preferencesHref: "http://localhost:5173/email/preferences?e=bea%40acme.example&s=preview",
} satisfies AwaitingConfirmationEmailProps;
