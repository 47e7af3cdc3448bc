// The printed plan: one HTML document rendered by React on the server, with no script, made to be
// printed or saved as PDF from the browser. The seller's logo and accent colour head it; each
// section of steps starts a new printed page; nothing on it is a form or a button.
import { Document } from "~/components/buyer-plan/page";
import { groupSteps } from "~/components/buyer-plan/step-groups";
import { Badge } from "~/components/ui/badge";
import { formatCalendarDate } from "~/domain/dates";
import { daysOverdue } from "~/domain/slippage";
import { BUYING_ROLE_LABELS, OWNER_SIDE_LABELS } from "~/domain/types";
import type { ExportedPlan, ExportedStep } from "~/models/plan-export.server";
import { stepStatusWords } from "./plan-csv";

interface PrintPlanPageProps {
  plan: ExportedPlan;
  /** The page the plan is worked on. */
  back: string;
  /** The same plan as a spreadsheet. */
  csv: string;
  /** The seller's switch between their own view and the buyer's. */
  otherView?: { href: string; label: string };
}

export function PrintPlanPage({ plan, back, csv, otherView }: PrintPlanPageProps) {
  const done = plan.steps.filter((s) => s.completion === "DONE").length;
  return (
    <Document title={`${plan.title} · ${plan.buyerCompany}`} accentColor={plan.branding.accentColor} script={false}>
      <main className="mx-auto max-w-4xl space-y-6 bg-white px-6 py-8 print:max-w-none print:p-0" data-printed-plan>
        <p className="text-sm text-slate-600 print:hidden" data-testid="print-help">
          <a href={back} className="text-brand-700 underline">
            Back to the plan
          </a>
          {" · "}To keep a copy, use your browser&apos;s Print and choose &ldquo;Save as PDF&rdquo;.{" · "}
          <a href={csv} className="text-brand-700 underline">
            Download as CSV
          </a>
          {otherView ? (
            <>
              {" · "}
              <a href={otherView.href} className="text-brand-700 underline">
                {otherView.label}
              </a>
            </>
          ) : null}
        </p>
        <PrintHeader plan={plan} done={done} />
        <Parties plan={plan} />
        {groupSteps(plan.steps, true).map((group, index) => (
          <section key={group.heading} className={index > 0 ? "print:break-before-page" : ""} data-print-section>
            <h2 className="border-b-2 border-slate-800 pb-1 text-lg font-semibold">{group.heading}</h2>
            <StepTable steps={group.items} plan={plan} />
          </section>
        ))}
        {plan.steps.length === 0 ? <p className="text-slate-600">No steps yet.</p> : null}
      </main>
    </Document>
  );
}

function PrintHeader({ plan, done }: { plan: ExportedPlan; done: number }) {
  const accent = plan.branding.accentColor ? "brand-accent-border border-t-4 pt-4" : "";
  return (
    <header className={accent} data-testid="print-header">
      {plan.branding.logoUrl ? (
        <img src={plan.branding.logoUrl} alt={plan.sellerCompany} className="mb-3 h-12 w-auto max-w-[14rem] object-contain" data-testid="seller-logo" />
      ) : (
        <p className="mb-2 text-lg font-bold">{plan.sellerCompany}</p>
      )}
      <p className="text-sm text-slate-600">
        {plan.buyerCompany} × {plan.sellerCompany}
        {plan.dealName ? ` · ${plan.dealName}` : ""}
      </p>
      <h1 className="mt-1 text-2xl font-semibold">{plan.title}</h1>
      {plan.summary ? <p className="mt-2 whitespace-pre-line text-slate-700">{plan.summary}</p> : null}
      <p className="mt-3 text-sm">
        <strong>{done}</strong> of {plan.steps.length} steps done · {planStateWords(plan)} · Printed on {formatCalendarDate(plan.today, "long")}
      </p>
    </header>
  );
}

function planStateWords(plan: ExportedPlan): string {
  if (plan.status === "ACCEPTED") return `Agreed by ${plan.acceptedByName ?? "the buyer"}`;
  if (plan.status === "SHARED") return plan.sharedOn ? `Shared on ${formatCalendarDate(plan.sharedOn, "long")}` : "Shared";
  return "Draft, not shared yet";
}

function Parties({ plan }: { plan: ExportedPlan }) {
  const side = (s: "BUYER" | "SELLER") => plan.participants.filter((p) => p.side === s);
  const columns = [
    { company: plan.buyerCompany, people: side("BUYER") },
    { company: plan.sellerCompany, people: side("SELLER") },
  ];
  return (
    <section aria-labelledby="parties-heading" className="break-inside-avoid" data-testid="parties">
      <h2 id="parties-heading" className="text-lg font-semibold">
        People on the plan
      </h2>
      <div className="mt-2 grid grid-cols-2 gap-4 text-sm">
        {columns.map(({ company, people }) => (
          <div key={company}>
            <h3 className="font-semibold">{company}</h3>
            <ul className="mt-1 space-y-0.5">
              {people.map((p) => (
                <li key={p.id}>
                  {p.name}
                  {p.title ? <span className="text-slate-600"> · {p.title}</span> : null}
                  {p.role ? <span className="text-slate-600"> · {BUYING_ROLE_LABELS[p.role]}</span> : null}
                </li>
              ))}
              {company === plan.sellerCompany && !people.some((p) => p.name === plan.sellerName) ? <li>{plan.sellerName}</li> : null}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

function StepTable({ steps, plan }: { steps: ExportedStep[]; plan: ExportedPlan }) {
  return (
    <table className="mt-2 w-full border-collapse text-left text-sm">
      <thead>
        <tr className="border-b border-slate-400">
          <th className="py-1.5 pr-3 font-semibold">Step</th>
          <th className="py-1.5 pr-3 font-semibold">Owner</th>
          <th className="py-1.5 pr-3 font-semibold">Due</th>
          <th className="py-1.5 font-semibold">Status</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((step) => (
          <StepRow key={step.id} step={step} today={plan.today} />
        ))}
      </tbody>
    </table>
  );
}

function StepRow({ step, today }: { step: ExportedStep; today: string }) {
  const overdue = daysOverdue(step.targetDate, today, step.completion === "DONE");
  const moved = step.originalTargetDate !== step.targetDate;
  return (
    <tr className="break-inside-avoid border-b border-slate-200 align-top" data-testid="print-step">
      <td className="py-2 pr-3">
        <span className="font-medium">{step.title}</span>
        {step.internalOnly ? (
          <span className="ml-2">
            <Badge>Internal only</Badge>
          </span>
        ) : null}
        {step.output ? <p className="text-slate-600">Output: {step.output}</p> : null}
      </td>
      <td className="py-2 pr-3">
        {OWNER_SIDE_LABELS[step.ownerSide]}
        {step.ownerName ? <p className="text-slate-600">{step.ownerName}</p> : null}
      </td>
      <td className="py-2 pr-3 whitespace-nowrap">
        {formatCalendarDate(step.targetDate, "long")}
        {moved ? <p className="text-slate-600">was {formatCalendarDate(step.originalTargetDate, "long")}</p> : null}
      </td>
      <td className="py-2">
        <span className={step.completion === "DONE" ? "font-semibold" : ""}>
          {step.completion === "DONE" ? "✓ " : ""}
          {stepStatusWords(step)}
        </span>
        {step.completedOn && step.status === "DONE" ? <p className="text-slate-600">on {formatCalendarDate(step.completedOn, "long")}</p> : null}
        {step.status === "DONE" && step.buyerConfirmed ? <p data-testid="buyer-confirmed">✓ Confirmed by the buyer</p> : null}
        {overdue > 0 ? <p className="font-semibold">{`${overdue} ${overdue === 1 ? "day" : "days"} overdue`}</p> : null}
      </td>
    </tr>
  );
}
