import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, NotificationFooter, buttonStyle, paragraph } from "./layout";

export interface StepDueSoonEmailProps {
  recipientName: string;
  stepTitle: string;
  /** "Wed, 2 Dec 2026". */
  dueOn: string;
  planTitle: string;
  /** A buyer acts on the plan's page, a seller on the deal's. */
  audience: "BUYER" | "SELLER";
  action: { label: string; href: string };
  stopHref: string;
  preferencesHref: string;
}

const stepBox = { backgroundColor: "#f3f4f6", borderRadius: "6px", padding: "12px 16px", margin: "0 0 16px" };

/** Two days before a step is due, to the person who owns it. */
export default function StepDueSoonEmail(props: StepDueSoonEmailProps) {
  return (
    <EmailLayout
      preview={`${props.stepTitle} is due on ${props.dueOn}`}
      footer={
        <NotificationFooter
          reason="You get this email because you own this step in Mutual."
          stopHref={props.stopHref}
          preferencesHref={props.preferencesHref}
        />
      }
    >
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 12px" }}>
        Due in 2 days: {props.stepTitle}
      </Heading>
      <Text style={paragraph}>Hi {props.recipientName},</Text>
      <Text style={paragraph}>A step you own on “{props.planTitle}” is due in two days.</Text>
      <Section style={stepBox}>
        <Text style={{ ...paragraph, fontWeight: 600, margin: 0 }}>{props.stepTitle}</Text>
        <Text style={{ ...paragraph, margin: 0 }}>Due {props.dueOn}</Text>
      </Section>
      <Text style={paragraph}>
        {props.audience === "BUYER"
          ? "If it is done, mark it done on the plan. If the date no longer works, move it there, so both teams plan with the real date."
          : "If it is done, mark it done on the deal. If the date no longer works, move it and tell the buyer why."}
      </Text>
      <Button href={props.action.href} style={buttonStyle}>
        {props.action.label}
      </Button>
    </EmailLayout>
  );
}

StepDueSoonEmail.PreviewProps = {
  recipientName: "Bea Buyer",
  stepTitle: "Security review submitted",
  dueOn: "Wed, 2 Dec 2026",
  planTitle: "Acme: mutual action plan",
  audience: "BUYER",
  action: { label: "Open the plan", href: "http://localhost:5173/p/plan-id#step-step-id" },
  stopHref: "http://localhost:5173/email/stop?e=bea%40acme.example&k=STEP_DUE_SOON&s=preview",
  preferencesHref: "http://localhost:5173/email/preferences?e=bea%40acme.example&s=preview",
} satisfies StepDueSoonEmailProps;
