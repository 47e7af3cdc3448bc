import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, codeStyle, paragraph } from "./layout";

export interface SignUpEmailProps {
  code: string;
  link: string;
  organizationName: string;
  expiresInMinutes: number;
}

const FOOTER = "You received this email because someone asked to create a Mutual workspace with this address.";

export default function SignUpEmail({ code, link, organizationName, expiresInMinutes }: SignUpEmailProps) {
  return (
    <EmailLayout preview={`Your code to create ${organizationName} on Mutual is ${code}`} footer={FOOTER}>
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 12px" }}>
        Create your workspace
      </Heading>
      <Text style={paragraph}>To create {organizationName} on Mutual, enter this code on the page that asked for it:</Text>
      <Text style={codeStyle}>{code}</Text>
      <Text style={paragraph}>Or open the sign-up page and press the button there:</Text>
      <Button href={link} style={buttonStyle}>
        Open the sign-up page
      </Button>
      <Text style={{ ...paragraph, fontSize: "13px", color: "#6b7280" }}>
        The code and the link work once and expire in {expiresInMinutes} minutes. If you did not ask for a workspace, ignore this email: nothing is created
        without it.
      </Text>
    </EmailLayout>
  );
}

SignUpEmail.PreviewProps = {
  code: "493028",
  link: "http://localhost:5173/signup/verify?token=preview-token",
  organizationName: "Acme",
  expiresInMinutes: 15,
} satisfies SignUpEmailProps;
