import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, codeStyle, paragraph } from "./layout";

export interface SignUpEmailProps {
  code: string;
  link: string;
  organizationName: string;
  /** Creating a new workspace, or joining one that lets the address's domain join. */
  purpose: "create" | "join";
  expiresInMinutes: number;
}

export default function SignUpEmail({ code, link, organizationName, purpose, expiresInMinutes }: SignUpEmailProps) {
  const verb = purpose === "create" ? "create" : "join";
  return (
    <EmailLayout
      preview={`Your code to ${verb} ${organizationName} on Mutual is ${code}`}
      footer={`You received this email because someone asked to ${verb} a Mutual workspace with this address.`}
    >
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 12px" }}>
        {purpose === "create" ? "Create your workspace" : `Join ${organizationName}`}
      </Heading>
      <Text style={paragraph}>
        To {verb} {organizationName} on Mutual, enter this code on the page that asked for it:
      </Text>
      <Text style={codeStyle}>{code}</Text>
      <Text style={paragraph}>Or open the sign-up page and press the button there:</Text>
      <Button href={link} style={buttonStyle}>
        Open the sign-up page
      </Button>
      <Text style={{ ...paragraph, fontSize: "13px", color: "#6b7280" }}>
        The code and the link work once and expire in {expiresInMinutes} minutes. If you did not ask for this, ignore this email: nothing happens without it.
      </Text>
    </EmailLayout>
  );
}

SignUpEmail.PreviewProps = {
  code: "493028",
  link: "http://localhost:5173/signup/verify?token=preview-token",
  organizationName: "Acme",
  purpose: "create",
  expiresInMinutes: 15,
} satisfies SignUpEmailProps;
