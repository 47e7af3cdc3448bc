// Every kind of email a person may turn off, defined once: the preferences pages list these, the
// one-click stop link names one, and queueEmail checks the recipient's choice against them.
// Security email (sign-in codes and links, invitations) is not here: it cannot be turned off.

/** Who receives a kind: the preferences page of a seller or of a buyer lists only theirs. */
export type EmailAudience = "SELLER" | "BUYER" | "BOTH";

export interface EmailKind {
  /** What the email is about, as the preferences page lists it. */
  label: string;
  /** The same as a noun phrase: "You will no longer get <about>." */
  about: string;
  audience: EmailAudience;
}

export const EMAIL_KINDS = {
  STEP_ASSIGNED: { label: "A step was assigned to you", about: "emails when a step is assigned to you", audience: "BOTH" },
  STEP_DUE_SOON: { label: "A step you own is due in 2 days", about: "reminders two days before a step you own is due", audience: "BOTH" },
  STEP_OVERDUE: { label: "A step you own, or a step on your deal, is overdue", about: "reminders about overdue steps", audience: "BOTH" },
  AWAITING_CONFIRMATION: { label: "A step awaits your confirmation", about: "requests to confirm a step the seller marked done", audience: "BUYER" },
  STALE_PLAN_NUDGE: {
    label: "A check-in when a plan has been quiet for 10 days",
    about: "check-ins when a plan has been quiet for 10 days",
    audience: "BUYER",
  },
  ACCESS_DECLINED: { label: "Answers to your requests to join a plan", about: "answers to your requests to join a plan", audience: "BUYER" },
  BUYER_CHANGES: {
    label: "What buyers changed on your plans, a few minutes after they change it",
    about: "emails about what buyers changed on your plans",
    audience: "SELLER",
  },
  PLAN_ACCEPTED: { label: "A buyer accepted a plan", about: "emails when a buyer accepts a plan", audience: "SELLER" },
  REP_NOTICE: { label: "People joining or asking to join your plans", about: "notices about people joining or asking to join your plans", audience: "SELLER" },
  MENTION: { label: "Someone mentions you in a comment or a note", about: "emails when someone mentions you in a comment or a note", audience: "SELLER" },
  WEEKLY_DIGEST: { label: "The weekly digest, Monday morning", about: "the weekly digest", audience: "SELLER" },
} as const satisfies Record<string, EmailKind>;

export type EmailKindName = keyof typeof EMAIL_KINDS;

export function isEmailKind(kind: string): kind is EmailKindName {
  return Object.hasOwn(EMAIL_KINDS, kind);
}

export function emailKindsFor(side: "SELLER" | "BUYER"): EmailKindName[] {
  return (Object.keys(EMAIL_KINDS) as EmailKindName[]).filter((kind) => EMAIL_KINDS[kind].audience === side || EMAIL_KINDS[kind].audience === "BOTH");
}

/** The organization's defaults are stored as the space-separated kinds that start off. */
export function kindsOffByDefault(stored: string): Set<EmailKindName> {
  return new Set(stored.split(/\s+/).filter(isEmailKind));
}

/**
 * Whether a person gets a kind: their own choice when they made one, else their organization's
 * default, else on.
 */
export function wantsEmail(kind: EmailKindName, ownChoice: boolean | null, organizationOffByDefault: string | null): boolean {
  if (ownChoice !== null) return ownChoice;
  return !kindsOffByDefault(organizationOffByDefault ?? "").has(kind);
}
