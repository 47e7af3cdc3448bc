import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, NotificationFooter, buttonStyle, paragraph } from "./layout";

export interface CheckInStep {
  title: string;
  /** "Tue, 8 Dec 2026". */
  dueOn: string;
  daysLate: number;
  ownerName: string | null;
  /** Each opens a page that asks to confirm: nothing changes until the reader presses its button. */
  answers: { done: string; date: string; blocked: string };
}

export interface PlanCheckInEmailProps {
  recipientName: string;
  planTitle: string;
  sellerCompany: string;
  quietDays: number;
  steps: CheckInStep[];
  /** Open steps left out of the email for its length. */
  more: number;
  planHref: string;
  stopHref: string;
  preferencesHref: string;
}

const stepBox = { borderTop: "1px solid #e5e7eb", padding: "12px 0 0", margin: "0 0 12px" };
const answerLink = { color: "#4338ca", fontWeight: 600, textDecoration: "underline" };

function when(step: CheckInStep) {
  const late = step.daysLate > 0 ? ` · ${step.daysLate} ${step.daysLate === 1 ? "day" : "days"} overdue` : "";
  return `Due ${step.dueOn}${late} · ${step.ownerName ? `Owner: ${step.ownerName}` : "No owner yet"}`;
}

/** "Still on track?" when nothing on a plan moved for ten days, with a one-click answer per step. */
export default function PlanCheckInEmail(props: PlanCheckInEmailProps) {
  return (
    <EmailLayout
      preview={`Nothing has changed on ${props.planTitle} for ${props.quietDays} days. Still on track?`}
      footer={
        <NotificationFooter
          reason="You get this email because you are on this plan in Mutual."
          stopHref={props.stopHref}
          preferencesHref={props.preferencesHref}
        />
      }
    >
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 12px" }}>
        Still on track?
      </Heading>
      <Text style={paragraph}>Hi {props.recipientName},</Text>
      <Text style={paragraph}>
        Nothing has changed on “{props.planTitle}” with {props.sellerCompany} for {props.quietDays} days. Are these steps still on track? Answer each with one
        click: the page it opens asks you to confirm, and nothing changes before you do.
      </Text>
      {props.steps.map((step) => (
        <Section key={step.answers.done} style={stepBox}>
          <Text style={{ ...paragraph, fontWeight: 600, margin: 0 }}>{step.title}</Text>
          <Text style={{ ...paragraph, margin: "0 0 4px", color: "#4b5563" }}>{when(step)}</Text>
          <Text style={{ ...paragraph, margin: 0 }}>
            <Link href={step.answers.done} style={answerLink}>
              It is done
            </Link>
            {" · "}
            <Link href={step.answers.date} style={answerLink}>
              It needs a new date
            </Link>
            {" · "}
            <Link href={step.answers.blocked} style={answerLink}>
              It is blocked
            </Link>
          </Text>
        </Section>
      ))}
      {props.more > 0 ? (
        <Text style={paragraph}>
          {props.more} more open {props.more === 1 ? "step is" : "steps are"} on the plan.
        </Text>
      ) : null}
      <Button href={props.planHref} style={buttonStyle}>
        Open the plan
      </Button>
    </EmailLayout>
  );
}

const answers = (step: string) => ({
  done: `http://localhost:5173/p/plan-id/check-in?step=${step}&answer=done`,
  date: `http://localhost:5173/p/plan-id/check-in?step=${step}&answer=date`,
  blocked: `http://localhost:5173/p/plan-id/check-in?step=${step}&answer=blocked`,
});

PlanCheckInEmail.PreviewProps = {
  recipientName: "Bea Buyer",
  planTitle: "Acme: mutual action plan",
  sellerCompany: "Northwind Software",
  quietDays: 10,
  steps: [
    { title: "Security review submitted", dueOn: "Fri, 4 Dec 2026", daysLate: 0, ownerName: "Bea Buyer", answers: answers("security") },
    { title: "Executive sponsor meeting", dueOn: "Tue, 8 Dec 2026", daysLate: 0, ownerName: "Bea Buyer", answers: answers("sponsor") },
    { title: "Procurement portal entry", dueOn: "Mon, 14 Dec 2026", daysLate: 0, ownerName: null, answers: answers("procurement") },
  ],
  more: 2,
  planHref: "http://localhost:5173/p/plan-id",
  stopHref: "http://localhost:5173/email/stop?e=bea%40acme.example&k=STALE_PLAN_NUDGE&s=preview",
  preferencesHref: "http://localhost:5173/email/preferences?e=bea%40acme.example&s=preview",
} satisfies PlanCheckInEmailProps;
