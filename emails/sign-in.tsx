import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, codeStyle, paragraph } from "./layout";

export interface SignInEmailProps {
  code: string;
  link: string;
  expiresInMinutes: number;
}

export default function SignInEmail({ code, link, expiresInMinutes }: SignInEmailProps) {
  return (
    <EmailLayout preview={`Your Mutual sign-in code is ${code}`}>
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 12px" }}>
        Sign in to Mutual
      </Heading>
      <Text style={paragraph}>Enter this code on the sign-in page:</Text>
      <Text style={codeStyle}>{code}</Text>
      <Text style={paragraph}>Or open the sign-in page and press the button there:</Text>
      <Button href={link} style={buttonStyle}>
        Open the sign-in page
      </Button>
      <Text style={{ ...paragraph, fontSize: "13px", color: "#6b7280" }}>
        The code and the link work once and expire in {expiresInMinutes} minutes. If you did not ask to sign in, ignore this email: nobody can sign in without
        it.
      </Text>
    </EmailLayout>
  );
}

SignInEmail.PreviewProps = {
  code: "493028",
  link: "http://localhost:5173/auth/verify?token=preview-token",
  expiresInMinutes: 15,
} satisfies SignInEmailProps;
