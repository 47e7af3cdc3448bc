import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, paragraph } from "./layout";

export interface SellerInvitationEmailProps {
  inviterName: string;
  organizationName: string;
  /** "a rep", "a manager", "an admin" */
  roleWords: string;
  teamName: string | null;
  link: string;
  expiresInDays: number;
}

export default function SellerInvitationEmail({ inviterName, organizationName, roleWords, teamName, link, expiresInDays }: SellerInvitationEmailProps) {
  return (
    <EmailLayout
      preview={`${inviterName} invited you to ${organizationName} on Mutual`}
      footer={`You received this email because ${inviterName} invited this address to ${organizationName} on Mutual.`}
    >
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 12px" }}>
        Join {organizationName} on Mutual
      </Heading>
      <Text style={paragraph}>
        {inviterName} invited you to join {organizationName} as {roleWords}
        {teamName ? ` on the ${teamName} team` : ""}. Mutual keeps the plans your team shares with buyers.
      </Text>
      <Button href={link} style={buttonStyle}>
        Open the invitation
      </Button>
      <Text style={{ ...paragraph, fontSize: "13px", color: "#6b7280" }}>
        The link works once and expires in {expiresInDays === 1 ? "1 day" : `${expiresInDays} days`}. If you did not expect it, ignore this email: nothing
        happens unless you accept.
      </Text>
    </EmailLayout>
  );
}

SellerInvitationEmail.PreviewProps = {
  inviterName: "Ada Admin",
  organizationName: "Northwind Software",
  roleWords: "a rep",
  teamName: "Enterprise East",
  link: "http://localhost:5173/join/preview-token",
  expiresInDays: 7,
} satisfies SellerInvitationEmailProps;
