import { Heading, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export interface JoinUnavailableEmailProps {
  domain: string;
  /** No organization lets this domain join, or more than one lists it. */
  reason: "NONE" | "SHARED";
}

/** Sent instead of a code when an address asked to join by its domain and no one workspace takes it. */
export default function JoinUnavailableEmail({ domain, reason }: JoinUnavailableEmailProps) {
  return (
    <EmailLayout
      preview={`Addresses at ${domain} can't join a Mutual workspace by themselves`}
      footer="You received this email because someone asked to join a Mutual workspace with this address."
    >
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 12px" }}>
        No workspace to join
      </Heading>
      <Text style={paragraph}>
        {reason === "SHARED"
          ? `More than one workspace on this Mutual lists ${domain} as its own, so we can't tell which one is yours, and joined you to neither.`
          : `No workspace on this Mutual lets addresses at ${domain} join by themselves.`}{" "}
        Ask an admin of your organization to invite you, or create a new workspace.
      </Text>
      <Text style={{ ...paragraph, fontSize: "13px", color: "#6b7280" }}>If you did not ask for this, ignore this email: nothing changed.</Text>
    </EmailLayout>
  );
}

JoinUnavailableEmail.PreviewProps = { domain: "acme.com", reason: "SHARED" } satisfies JoinUnavailableEmailProps;
