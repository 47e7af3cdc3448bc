import { Button, Heading, Img, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, codeStyle, paragraph } from "./layout";

export interface PlanAccessEmailProps {
  /**
   * "invite": someone invited you; "renewed": a new link from an earlier invitation of yours;
   * "approved": the rep approved your request to join; "sign-in": you asked for a code on the plan's page;
   * "ask-to-join": someone asked for a code on a plan's page with an address that is not on the plan.
   * Anyone with a plan's address can ask for that one, for any address, so it names neither the plan nor the seller.
   */
  reason: "invite" | "renewed" | "approved" | "sign-in" | "ask-to-join";
  /** The invitee's name, when the plan knows it. */
  recipientName?: string;
  planTitle: string;
  /** Who invited or approved: the rep, or a colleague on the buyer's side. */
  inviterName: string;
  sellerCompany: string;
  code: string;
  link: string;
  /** The plan's own address, where the code can be typed on any device. */
  planUrl: string;
  /** "7 days", "15 minutes". */
  expiresIn: string;
  /** The seller's accent colour ("#rrggbb", readable behind white text) for the button; the product's own without it. */
  accentColor?: string | null;
  /** The seller's logo, an absolute address. */
  logoUrl?: string | null;
}

type Words = (p: PlanAccessEmailProps) => string;

const INTRO: Record<PlanAccessEmailProps["reason"], Words> = {
  invite: (p) =>
    `${p.inviterName} invited you to “${p.planTitle}”, the mutual action plan with ${p.sellerCompany}: the steps both teams agree on, with owners and dates.`,
  renewed: (p) =>
    `Here is a new link to “${p.planTitle}”, the mutual action plan with ${p.sellerCompany}. It replaces your earlier invitation, which had expired or was already used.`,
  approved: (p) => `${p.inviterName} from ${p.sellerCompany} approved your request to join the mutual action plan “${p.planTitle}”.`,
  "sign-in": (p) => `Here is your code to open the mutual action plan “${p.planTitle}” shared by ${p.sellerCompany}.`,
  "ask-to-join": () =>
    "Here is the code you asked for on a mutual action plan's page. Your address is not on that plan yet: once you enter the code, you join it if the plan lets in your company's addresses, and otherwise the seller is asked to let you in.",
};

const WHY: Record<PlanAccessEmailProps["reason"], Words> = {
  invite: (p) => `You get this email because ${p.inviterName} invited you to this plan. If you were not expecting it, you can ignore it.`,
  renewed: () =>
    "You get this email because someone asked for a new link from an earlier invitation to this address. If that was not you, ignore it: nobody can open the plan as you without this email.",
  approved: (p) => `You get this email because you asked to join this plan and ${p.inviterName} approved.`,
  "sign-in": () =>
    "You get this email because someone asked for a code to open this plan with your address. If that was not you, ignore it: nobody can open the plan without it.",
  "ask-to-join": () =>
    "You get this email because someone asked for a code with your address on a plan's page. If that was not you, ignore it: nothing happens without this code.",
};

const LIFETIME: Record<PlanAccessEmailProps["reason"], Words> = {
  invite: (p) => `The link and the code each work once, for ${p.expiresIn}. After that, the plan's page sends you a new link with one press.`,
  renewed: (p) => LIFETIME.invite(p),
  approved: (p) => LIFETIME.invite(p),
  "sign-in": (p) => `The link and the code work once and expire in ${p.expiresIn}. You can always ask for a new one from the plan's page.`,
  "ask-to-join": (p) => LIFETIME["sign-in"](p),
};

export default function PlanAccessEmail(props: PlanAccessEmailProps) {
  const greet = props.recipientName && props.reason !== "sign-in" && props.reason !== "approved" && props.reason !== "ask-to-join";
  const named = props.reason !== "ask-to-join";
  return (
    <EmailLayout preview={named ? `Open “${props.planTitle}” with code ${props.code}` : `Your Mutual code is ${props.code}`} footer={WHY[props.reason](props)}>
      {props.logoUrl ? <Img src={props.logoUrl} alt={props.sellerCompany} height="40" style={{ margin: "0 0 16px", maxWidth: "200px" }} /> : null}
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 12px" }}>
        {named ? props.planTitle : "Your code"}
      </Heading>
      {greet ? <Text style={paragraph}>Hi {props.recipientName},</Text> : null}
      <Text style={paragraph}>{INTRO[props.reason](props)}</Text>
      <Button href={props.link} style={props.accentColor ? { ...buttonStyle, backgroundColor: props.accentColor } : buttonStyle}>
        Open the plan
      </Button>
      <Text style={paragraph}>On another device, open the plan&apos;s page, choose “I have a code”, and enter your email and this code:</Text>
      <Text style={codeStyle}>{props.code}</Text>
      <Text style={paragraph}>The plan&apos;s page: {props.planUrl}</Text>
      <Text style={{ ...paragraph, fontSize: "13px", color: "#6b7280" }}>{LIFETIME[props.reason](props)}</Text>
    </EmailLayout>
  );
}

PlanAccessEmail.PreviewProps = {
  reason: "invite",
  recipientName: "Bea Buyer",
  planTitle: "Initech: mutual action plan",
  inviterName: "Riley Rep",
  sellerCompany: "Northwind Software",
  code: "284913",
  link: "http://localhost:5173/p/plan-id/join?token=preview",
  planUrl: "http://localhost:5173/p/plan-id",
  expiresIn: "7 days",
} satisfies PlanAccessEmailProps;
