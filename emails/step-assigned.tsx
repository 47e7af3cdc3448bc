import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, NotificationFooter, buttonStyle, paragraph } from "./layout";

export interface StepAssignedEmailProps {
  assignerName: string;
  stepTitle: string;
  /** The artifact that proves the step happened; empty when the plan names none. */
  output: string;
  /** "Fri, 18 Dec 2026" */
  due: string;
  /** Where the step is: "the Initech deal" for a seller, "“Initech: mutual action plan” with Northwind" for a buyer. */
  where: string;
  action: { label: string; href: string };
  footer: { reason: string; stopHref: string; preferencesHref: string };
}

/** Someone made the reader the owner of a step. */
export default function StepAssignedEmail({ assignerName, stepTitle, output, due, where, action, footer }: StepAssignedEmailProps) {
  return (
    <EmailLayout preview={`${assignerName} assigned “${stepTitle}” to you, due ${due}`} footer={<NotificationFooter {...footer} />}>
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 12px" }}>
        “{stepTitle}” is yours
      </Heading>
      <Text style={paragraph}>
        {assignerName} assigned you “{stepTitle}” on {where}. It is due {due}.
      </Text>
      {output ? <Text style={paragraph}>It is done when there is: {output}.</Text> : null}
      <Button href={action.href} style={buttonStyle}>
        {action.label}
      </Button>
    </EmailLayout>
  );
}

StepAssignedEmail.PreviewProps = {
  assignerName: "Rita Rep",
  stepTitle: "Security review submitted",
  output: "Vendor questionnaire returned",
  due: "Fri, 18 Dec 2026",
  where: "“Initech: mutual action plan” with Northwind",
  action: { label: "Open the plan", href: "http://localhost:5173/p/plan-id#step-milestone-id" },
  footer: {
    reason: "You get this email because a step on a plan you are on was assigned to you.",
    stopHref: "http://localhost:5173/email/stop?e=bea%40initech.example&k=STEP_ASSIGNED&s=preview",
    preferencesHref: "http://localhost:5173/email/preferences?e=bea%40initech.example&s=preview",
  },
} satisfies StepAssignedEmailProps;
