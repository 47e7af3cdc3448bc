import type { ReactNode } from "react";
import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";

export function EmailLayout({ preview, children, footer }: { preview: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f6f7f9", fontFamily: "system-ui, -apple-system, Segoe UI, sans-serif", margin: 0 }}>
        <Container style={{ backgroundColor: "#ffffff", margin: "24px auto", padding: "32px", maxWidth: "520px", borderRadius: "8px" }}>
          <Text style={{ fontSize: "14px", fontWeight: 700, color: "#4338ca", margin: "0 0 16px" }}>Mutual</Text>
          {children}
          <Hr style={{ borderColor: "#e5e7eb", margin: "24px 0 12px" }} />
          <Section>
            <Text style={{ fontSize: "12px", color: "#6b7280", margin: 0 }}>
              {footer ?? "You received this email because someone asked to sign in to Mutual with this address."}
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { fontSize: "15px", lineHeight: "22px", color: "#111827" };
export const codeStyle = {
  fontSize: "28px",
  letterSpacing: "6px",
  fontWeight: 700,
  fontFamily: "ui-monospace, Menlo, monospace",
  color: "#111827",
  margin: "8px 0 16px",
};
export const buttonStyle = {
  backgroundColor: "#4338ca",
  color: "#ffffff",
  padding: "12px 20px",
  borderRadius: "6px",
  fontSize: "15px",
  fontWeight: 600,
  textDecoration: "none",
};

/** The footer of every email a person may turn off: why they get it, one click to stop it, and all their choices. */
export function NotificationFooter({ reason, stopHref, preferencesHref }: { reason: string; stopHref: string; preferencesHref: string }) {
  return (
    <>
      {reason} <Link href={stopHref}>Stop these emails</Link> · <Link href={preferencesHref}>Choose which emails you get</Link>
    </>
  );
}
