import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, NotificationFooter, buttonStyle, paragraph } from "./layout";

export interface StepOverdueEmailProps {
  /** OWNER: the step is theirs; REP: the deal is theirs, whoever owns the step. */
  audience: "OWNER" | "REP";
  recipientName: string;
  stepTitle: string;
  /** "Mon, 30 Nov 2026". */
  dueOn: string;
  daysLate: number;
  planTitle: string;
  accountName: string;
  /** Who owns the step, for the rep: "Bea Buyer (buyer)", or null when nobody does. */
  ownerLabel: string | null;
  /** Whether the reader acts on the buyer's plan page (a buyer) or the deal page (a seller). */
  onPlanPage: boolean;
  action: { label: string; href: string };
  stopHref: string;
  preferencesHref: string;
}

const stepBox = { backgroundColor: "#fef2f2", borderRadius: "6px", padding: "12px 16px", margin: "0 0 16px" };

function late(days: number) {
  return `${days} ${days === 1 ? "day" : "days"} overdue`;
}

/** The day after a step's date passed undone: to its owner, and to the rep who owns the deal. */
export default function StepOverdueEmail(props: StepOverdueEmailProps) {
  const owner = props.audience === "OWNER";
  return (
    <EmailLayout
      preview={`${props.stepTitle} was due on ${props.dueOn}`}
      footer={
        <NotificationFooter
          reason={owner ? "You get this email because you own this step in Mutual." : "You get this email because you own this deal in Mutual."}
          stopHref={props.stopHref}
          preferencesHref={props.preferencesHref}
        />
      }
    >
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 12px" }}>
        Overdue: {props.stepTitle}
      </Heading>
      <Text style={paragraph}>Hi {props.recipientName},</Text>
      <Text style={paragraph}>
        {owner
          ? `A step you own on “${props.planTitle}” was due on ${props.dueOn} and is not done yet.`
          : `A step on the ${props.accountName} deal was due on ${props.dueOn} and is not done yet.`}
      </Text>
      <Section style={stepBox}>
        <Text style={{ ...paragraph, fontWeight: 600, margin: 0 }}>{props.stepTitle}</Text>
        <Text style={{ ...paragraph, margin: 0 }}>
          Due {props.dueOn} · {late(props.daysLate)}
          {owner ? "" : ` · Owner: ${props.ownerLabel ?? "nobody yet"}`}
        </Text>
      </Section>
      <Text style={paragraph}>
        {owner
          ? props.onPlanPage
            ? "If it is done, mark it done on the plan. If it needs more time, give it a new date there: both teams then plan with the real date."
            : "If it is done, mark it done on the deal. If it needs more time, give it a new date and tell the buyer why."
          : "A word with the owner, or a new date you both agree on, keeps the plan honest: the deal's health counts overdue steps."}
      </Text>
      <Button href={props.action.href} style={buttonStyle}>
        {props.action.label}
      </Button>
    </EmailLayout>
  );
}

StepOverdueEmail.PreviewProps = {
  audience: "REP",
  recipientName: "Rita Rep",
  stepTitle: "Security review submitted",
  dueOn: "Mon, 30 Nov 2026",
  daysLate: 1,
  planTitle: "Acme: mutual action plan",
  accountName: "Acme",
  ownerLabel: "Bea Buyer (buyer)",
  onPlanPage: false,
  action: { label: "Open the deal", href: "http://localhost:5173/deals/deal-id#milestone-step-id" },
  stopHref: "http://localhost:5173/email/stop?e=rita%40seller.example&k=STEP_OVERDUE&s=preview",
  preferencesHref: "http://localhost:5173/email/preferences?e=rita%40seller.example&s=preview",
} satisfies StepOverdueEmailProps;
