import { Button } from "~/components/ui/button";
import { ConflictNotice } from "~/components/ui/conflict-notice";
import { answerFor, type IntentResult } from "~/forms/intent";
import { formatMoment } from "~/components/format";
import type { BuyerPlanView } from "~/models/buyer-plan.types";
import { PostForm, SavedNotice } from "./post-form";

export function PlanHeader({ view, answer, saved }: { view: BuyerPlanView; answer?: IntentResult; saved: boolean }) {
  const { plan, milestones, timezone, branding } = view;
  // The seller's accent (checked for contrast with white text when saved), from the page's accent stylesheet.
  const accent = Boolean(branding.accentColor);
  const done = milestones.filter((m) => m.completion === "DONE").length;
  const accept = answerFor(answer, "accept-plan");
  return (
    <header id="plan" className={`card p-4 sm:p-6 ${accent ? "brand-accent-border border-t-4" : ""}`} data-testid="plan-header">
      {branding.logoUrl ? (
        <img src={branding.logoUrl} alt={plan.sellerCompany} className="mb-3 h-10 w-auto max-w-[12rem] object-contain" data-testid="seller-logo" />
      ) : null}
      <p className="text-sm text-slate-500">
        {plan.buyerCompany} × {plan.sellerCompany}
      </p>
      <h1 className="mt-1 text-xl font-semibold sm:text-2xl">{plan.title}</h1>
      {plan.summary ? <p className="mt-2 whitespace-pre-line text-slate-700">{plan.summary}</p> : null}
      <div className="mt-3">
        <div className="flex items-center justify-between text-sm">
          <span>
            <strong>{done}</strong> of {milestones.length} steps done
          </span>
          <span className="text-slate-500">Your contact: {plan.sellerName}</span>
        </div>
        <div
          className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={milestones.length}
          aria-valuenow={done}
          aria-label="Steps done"
        >
          {/* An SVG width, not a style attribute: the page's CSP allows no inline styles. */}
          <svg className="block h-full w-full" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden>
            <rect width={milestones.length ? (100 * done) / milestones.length : 0} height="1" className="fill-emerald-500" />
          </svg>
        </div>
      </div>
      {plan.status === "ACCEPTED" ? (
        <p className="mt-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="accepted">
          Accepted by {plan.acceptedByName ?? "your team"}
          {plan.acceptedAt ? ` on ${formatMoment(plan.acceptedAt, timezone)}` : ""}.
        </p>
      ) : (
        <PostForm intent="accept-plan" hidden={{ version: plan.version }} className="mt-4 space-y-2">
          <p className="text-sm text-slate-700">Once the steps, owners and dates look right to your team, say so. You can still change them later.</p>
          <Button type="submit" className={`w-full sm:w-auto ${accent ? "brand-accent-bg" : ""}`} data-testid="accept-plan">
            We agree to this plan
          </Button>
        </PostForm>
      )}
      <SavedNotice shown={saved} />
      <ConflictNotice result={accept} className="mt-3" />
    </header>
  );
}
