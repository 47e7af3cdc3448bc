// The buyer's plan page as one HTML document, rendered by React on the server and never hydrated:
// mobile-first, every action a small form that posts (it all works without JavaScript), enhanced
// by one small script (docs/decisions/0008-buyer-page-one-stack.md).
import type { ReactNode } from "react";
import { AddStep } from "./add-step";
import { MilestoneCard } from "./milestone-card";
import { People } from "./people";
import { PlanHeader } from "./plan-header";
import { PostForm } from "./post-form";
import { ActivityList } from "~/components/plan-editor/activity-list";
import { errorCopy } from "~/components/error-copy";
import { groupSteps } from "./step-groups";
import type { IntentResult } from "~/forms/intent";
import type { BuyerPlanView } from "~/models/buyer-plan.types";
import stylesheet from "~/tailwind.css?url";
import { accentStylesheetHref } from "~/components/brand-accent";
import enhancementScript from "virtual:buyer-page-script";

/** The assets a page refers to: a new build changes them, and so every page's validator. */
export const PAGE_ASSETS = `${stylesheet} ${enhancementScript}`;

/** `script` false: a page that needs no JavaScript at all (the printed plan). */
export function Document({
  title,
  accentColor,
  script = true,
  children,
}: {
  title: string;
  accentColor?: string | null;
  script?: boolean;
  children: ReactNode;
}) {
  return (
    <html lang="en" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="robots" content="noindex" />
        <link rel="stylesheet" href={stylesheet} />
        {accentColor ? <link rel="stylesheet" href={accentStylesheetHref(accentColor)} /> : null}
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </head>
      <body className="min-h-full">
        {children}
        {script ? <script type="module" src={enhancementScript} /> : null}
      </body>
    </html>
  );
}

export interface BuyerPlanPageProps {
  view: BuyerPlanView;
  byStage: boolean;
  /** The step whose date and owner forms are open. */
  changing: string | null;
  /** The answer to the form just posted and refused (400 or 409), shown beside that form. */
  answer?: IntentResult;
  /** The form whose save redirected here, to say "Saved" beside it once. */
  saved: string | null;
  /** What the page's script sends back when it asks whether anything changed. */
  changeTag?: string;
}

/** The whole page. */
export function BuyerPlanPage({ view, byStage, changing, answer, saved, changeTag }: BuyerPlanPageProps) {
  const here = byStage ? "?view=stage" : "?";
  const links = (milestoneId: string) => ({
    change: `${here}${byStage ? "&" : ""}change=${encodeURIComponent(milestoneId)}`,
    close: here,
    calendar: `/p/${encodeURIComponent(view.plan.id)}/steps/${encodeURIComponent(milestoneId)}.ics`,
  });
  const commentsFor = (milestoneId: string) => view.comments.filter((c) => c.milestoneId === milestoneId);
  const savedStep = saved?.includes(":") ? saved.slice(saved.indexOf(":") + 1) : null;
  const tab = (current: boolean) => `rounded px-2 py-1 ${current ? "bg-white shadow-sm" : "text-slate-600"}`;
  return (
    <Document title={`${view.plan.title} · Mutual`} accentColor={view.branding.accentColor}>
      <main data-plan-page data-change-tag={changeTag} className="mx-auto max-w-3xl space-y-4 px-3 py-4 sm:px-4 sm:py-8">
        <div className="flex items-center justify-between text-sm">
          <span className="font-bold text-brand-700">Mutual</span>
          <PostForm intent="sign-out">
            <span className="mr-2 text-slate-600">{view.me.name}</span>
            <button className="text-slate-600 underline">Sign out</button>
          </PostForm>
        </div>
        <PlanHeader view={view} answer={answer} saved={saved === "accept-plan"} />
        <ExportLinks planId={view.plan.id} />

        <section aria-labelledby="steps-heading" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="steps-heading" className="text-lg font-semibold">
              Steps
            </h2>
            <nav className="flex gap-1 rounded-md bg-slate-100 p-1 text-sm" aria-label="Order of steps">
              <a href="?" className={tab(!byStage)} aria-current={byStage ? undefined : "true"}>
                By date
              </a>
              <a href="?view=stage" className={tab(byStage)} aria-current={byStage ? "true" : undefined}>
                By stage
              </a>
            </nav>
          </div>
          {view.milestones.length === 0 ? <p className="card p-4 text-slate-600">No steps yet. Add the first one below.</p> : null}
          {groupSteps(view.milestones, byStage).map((group) => (
            <div key={group.heading ?? "all"} className="space-y-3">
              {group.heading ? <h3 className="pt-2 text-sm font-semibold uppercase tracking-wide text-slate-500">{group.heading}</h3> : null}
              <ol className="space-y-3">
                {group.items.map((m) => (
                  <MilestoneCard
                    key={m.id}
                    milestone={m}
                    people={view.participants}
                    comments={commentsFor(m.id)}
                    today={view.today}
                    answer={answer}
                    saved={savedStep === m.id}
                    changing={changing === m.id}
                    links={links(m.id)}
                  />
                ))}
              </ol>
            </div>
          ))}
          <AddStep view={view} answer={answer} saved={saved === "add-milestone"} />
        </section>

        <People view={view} answer={answer} saved={saved === "invite-colleague"} />
        <ActivityList activity={view.activity} milestones={view.milestones} timezone={view.timezone} />
        <footer className="pb-2 text-center text-xs text-slate-500" data-testid="visits-notice">
          {view.plan.sellerCompany} sees when you open this plan and which steps you open or change.
        </footer>
      </main>
    </Document>
  );
}

/** The plan to keep: a printable page (which the browser saves as PDF) and a spreadsheet. */
function ExportLinks({ planId }: { planId: string }) {
  const at = `/p/${encodeURIComponent(planId)}`;
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm print:hidden" data-testid="export-links">
      <a href={`${at}/print`} className="text-brand-700 underline">
        Print or save as PDF
      </a>
      <a href={`${at}/plan.csv`} download className="text-brand-700 underline">
        Download as CSV
      </a>
    </p>
  );
}

/** An error on the plan page: a status and a plain sentence, and the way back in. */
export function BuyerErrorPage({ planId, status, message }: { planId: string; status: number; message?: string }) {
  const copy = errorCopy(status, message);
  return (
    <Document title={`${copy.title} · Mutual`}>
      <main className="mx-auto max-w-lg px-4 py-16 text-center">
        <h1 className="text-2xl font-semibold">{copy.title}</h1>
        <p className="mt-3 text-slate-600">{copy.message}</p>
        <p className="mt-6">
          <a href={`/p/${encodeURIComponent(planId)}/join`} className="font-medium text-brand-700 underline">
            Open the plan with your email
          </a>
        </p>
      </main>
    </Document>
  );
}
