import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, codeStyle, paragraph } from "./layout";

export interface PlanAccessEmailProps {
  /** "invite": a seller invited you; "sign-in": you asked for a code; "approved": your request was approved. */
  reason: "invite" | "sign-in" | "approved";
  planTitle: string;
  /** Who invited or approved: the rep, or a colleague on the buyer's side. */
  inviterName: string;
  sellerCompany: string;
  code: string;
  link: string;
  expiresInMinutes: number;
}

const INTRO: Record<PlanAccessEmailProps["reason"], (p: PlanAccessEmailProps) => string> = {
  invite: (p) => `${p.inviterName} invited you to “${p.planTitle}”, the mutual action plan with ${p.sellerCompany}: the steps both teams agree on, with owners and dates.`,
  "sign-in": (p) => `Here is your code to open the mutual action plan “${p.planTitle}” shared by ${p.sellerCompany}.`,
  approved: (p) => `${p.inviterName} from ${p.sellerCompany} approved your request to join the mutual action plan “${p.planTitle}”.`,
};

export default function PlanAccessEmail(props: PlanAccessEmailProps) {
  return (
    <EmailLayout
      preview={`Open “${props.planTitle}” with code ${props.code}`}
      footer="This email was sent because someone asked for access to this plan with your address. If that was not you, ignore it: nobody can open the plan without it."
    >
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 12px" }}>
        {props.planTitle}
      </Heading>
      <Text style={paragraph}>{INTRO[props.reason](props)}</Text>
      <Button href={props.link} style={buttonStyle}>
        Open the plan
      </Button>
      <Text style={paragraph}>On another device, open the plan&apos;s page, enter your email and this code:</Text>
      <Text style={codeStyle}>{props.code}</Text>
      <Text style={{ ...paragraph, fontSize: "13px", color: "#6b7280" }}>
        The link and the code work once and expire in {props.expiresInMinutes} minutes. You can always ask for a new one from the plan&apos;s page.
      </Text>
    </EmailLayout>
  );
}

PlanAccessEmail.PreviewProps = {
  reason: "invite",
  planTitle: "Initech: mutual action plan",
  inviterName: "Riley Rep",
  sellerCompany: "Northwind Software",
  code: "284913",
  link: "http://localhost:5173/p/plan-id/join?token=preview",
  expiresInMinutes: 15,
} satisfies PlanAccessEmailProps;
