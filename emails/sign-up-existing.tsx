import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, paragraph } from "./layout";

export interface SignUpExistingEmailProps {
  signInLink: string;
}

/** Sent instead of a sign-up code when the address already has an account: one address, one account. */
export default function SignUpExistingEmail({ signInLink }: SignUpExistingEmailProps) {
  return (
    <EmailLayout
      preview="You already have a Mutual account: sign in instead"
      footer="You received this email because someone asked to create a Mutual workspace with this address."
    >
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 12px" }}>
        You already have an account
      </Heading>
      <Text style={paragraph}>
        Someone, probably you, asked to create a new Mutual workspace with this address. It already belongs to an account, and an address can only have one, so
        no workspace was created. Sign in instead:
      </Text>
      <Button href={signInLink} style={buttonStyle}>
        Sign in to Mutual
      </Button>
      <Text style={{ ...paragraph, fontSize: "13px", color: "#6b7280" }}>If you did not ask for this, ignore this email: nothing changed.</Text>
    </EmailLayout>
  );
}

SignUpExistingEmail.PreviewProps = { signInLink: "http://localhost:5173/login?email=ada%40acme.com" } satisfies SignUpExistingEmailProps;
