import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, NotificationFooter, buttonStyle, paragraph } from "./layout";

export interface WeeklyDigestEmailProps {
  /** "7 Dec 2026" */
  weekOf: string;
  /** "Your 12 open deals: 8 healthy, 3 at risk, 1 stalled. Due this week: 5 steps." */
  summary: string;
  /** Each a heading and one sentence per deal; empty in a quiet week. */
  sections: Array<{ title: string; lines: string[] }>;
  action: { label: string; href: string };
  footer: { reason: string; stopHref: string; preferencesHref: string };
}

const lineStyle = { ...paragraph, margin: "0 0 8px" };

/** Monday's digest of a rep's or a manager's open deals. */
export default function WeeklyDigestEmail({ weekOf, summary, sections, action, footer }: WeeklyDigestEmailProps) {
  return (
    <EmailLayout preview={summary} footer={<NotificationFooter {...footer} />}>
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 12px" }}>
        The week of {weekOf}
      </Heading>
      <Text style={paragraph}>{summary}</Text>
      {sections.map((section) => (
        <div key={section.title}>
          <Heading as="h2" style={{ fontSize: "16px", margin: "20px 0 8px" }}>
            {section.title}
          </Heading>
          {section.lines.map((line, index) => (
            <Text key={index} style={lineStyle}>
              {line}
            </Text>
          ))}
        </div>
      ))}
      <Button href={action.href} style={buttonStyle}>
        {action.label}
      </Button>
    </EmailLayout>
  );
}

WeeklyDigestEmail.PreviewProps = {
  weekOf: "7 Dec 2026",
  summary: "Your 4 open deals: 2 healthy, 1 at risk, 1 stalled. Due this week: 3 steps.",
  sections: [
    {
      title: "What changed",
      lines: [
        "Acme: the buyer moved “Security review submitted” from 18 Dec to 8 Jan 2027; health fell from healthy to at risk; projected close now after Q4 FY2026",
        "Globex: the plan now supports Commit, up from Best Case",
      ],
    },
    {
      title: "Due this week",
      lines: [
        "Initech: “Technical evaluation complete” (buyer) due Wed 9 Dec; “Proposal delivered” (seller) due Fri 11 Dec",
        "Globex: “Countersignature” (buyer) due Thu 10 Dec",
      ],
    },
    {
      title: "What buyers did",
      lines: [
        "Globex: Gina Green accepted the plan and commented twice",
        "Acme: Bea Buyer moved 1 date and made 2 other changes; Tom Tech opened the plan for the first time",
        "No buyer activity on Umbrella.",
      ],
    },
  ],
  action: { label: "Open your pipeline", href: "http://localhost:5173/deals" },
  footer: {
    reason: "You get this digest every Monday because you have open deals in Mutual.",
    stopHref: "http://localhost:5173/email/stop?e=rep%40northwind.example&k=WEEKLY_DIGEST&s=preview",
    preferencesHref: "http://localhost:5173/email/preferences?e=rep%40northwind.example&s=preview",
  },
} satisfies WeeklyDigestEmailProps;
