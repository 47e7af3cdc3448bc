// The words a person reads for a stored field and its value: history sentences and conflict
// notices name fields by their labels and show values as the forms and pages show them.
import { formatCalendarDate, isCalendarDate } from "~/domain/dates";
import { MEDDPICC_LETTERS, MEDDPICC_SCORE_LABELS } from "~/domain/meddpicc";
import { STRENGTH_LABELS } from "~/domain/stakeholders";
import { BUYING_ROLE_LABELS, FORECAST_LABELS, MILESTONE_STATUS_LABELS, OUTCOME_LABELS, OWNER_SIDE_LABELS, PLAN_STATUS_LABELS, stageName } from "~/domain/types";

/** What a field is about, where one name means different things (a milestone's title, a person's job title). */
export type FieldSubject = "milestone" | "deal" | "plan" | "person";

const LABELS: Record<string, string> = {
  title: "Title",
  output: "Output",
  ownerSide: "Owner side",
  ownerParticipantId: "Owner",
  targetDate: "Target date",
  originalTargetDate: "Original date",
  status: "Status",
  gatesStage: "Gates stage",
  internalOnly: "Internal only",
  accountName: "Account",
  name: "Name",
  amount: "Amount",
  currency: "Currency",
  stage: "Stage",
  targetCloseDate: "Target close date",
  repForecastCategory: "Rep's call",
  outcome: "Outcome",
  closedOn: "Closed on",
  summary: "Summary",
  allowedDomains: "Allowed email domains",
  startDate: "Plan start date",
  planStartDate: "Plan start date",
  email: "Email",
  role: "Buying role",
  reason: "Reason",
  body: "Comment",
  accessState: "Access",
  timezone: "Timezone",
  fiscalYearStartMonth: "Fiscal year starts in",
  allowedBuyerDomains: "Buyer email domains allowed on new plans",
  planDomainFromBuyer: "New plans allow only their first buyer's domain",
  buyerInvitationDays: "Buyer invitations last (days)",
  ownDomains: "Your company's email domains",
  joinByDomain: "Join by your company's domains",
  accentColor: "Accent colour",
  emailKindsOffByDefault: "Email defaults",
  logo: "Logo",
  strength: "Relationship strength",
  holderParticipantId: "Who holds the role",
  stakeholderRole: "Buying role",
  ...Object.fromEntries(MEDDPICC_LETTERS.map(({ key, name }) => [key, name])),
};

const SUBJECT_LABELS: Partial<Record<FieldSubject, Record<string, string>>> = {
  person: { title: "Job title" },
  plan: { title: "Plan title" },
  deal: { name: "Deal name" },
};

const ACCESS_LABELS: Record<string, string> = { INVITED: "Invited", ACTIVE: "Active", REVOKED: "Removed" };
const MEDDPICC_KEYS: ReadonlySet<string> = new Set(MEDDPICC_LETTERS.map(({ key }) => key));

/** A field's label: "targetDate" → "Target date". Unknown names are spelled out as words, never shown raw. */
export function fieldLabel(field: string, subject?: FieldSubject): string {
  return (subject && SUBJECT_LABELS[subject]?.[field]) ?? LABELS[field] ?? spellOut(field);
}

/** "someField" or "SOME_FIELD" → "Some field". */
function spellOut(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .replace(/\bid\b/gi, "")
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : "Detail";
}

/**
 * A stored or typed value as a person reads it. `people` names participants by id; a person who
 * is not in it is "someone no longer on the plan", never an id.
 */
export function fieldValue(field: string, value: unknown, people?: ReadonlyMap<string, string>): string {
  if (isTickBox(field)) return value === true || value === "on" || value === "true" ? "Yes" : "No";
  if (value === null || value === undefined || value === "") return EMPTY_WORDS[field] ?? "none";
  const text = String(value);
  if (field === "ownerParticipantId" || field === "holderParticipantId") return people?.get(text) ?? "someone no longer on the plan";
  if (field === "stage" || field === "gatesStage") return /^\d+$/.test(text) ? `${text}. ${stageName(Number(text))}` : text;
  if (field === "amount" && /^-?\d+(\.\d+)?$/.test(text)) return Number(text).toLocaleString("en-US");
  if (isDomainList(field))
    return (
      text
        .split(/[\s,;]+/)
        .filter(Boolean)
        .join(", ") || "none"
    );
  if (field === "fiscalYearStartMonth" && /^(1[0-2]|[1-9])$/.test(text)) return MONTH_NAME.format(new Date(Date.UTC(2000, Number(text) - 1, 1)));
  if (MEDDPICC_KEYS.has(field)) return MEDDPICC_SCORE_LABELS[Number(text)] ?? text;
  if (isCalendarDate(text)) return formatCalendarDate(text);
  return labelOf(field, text) ?? text;
}

/** Fields posted as a ticked box ("on") and stored as true or false. */
export function isTickBox(field: string): boolean {
  return field === "internalOnly" || field === "planDomainFromBuyer" || field === "joinByDomain";
}

/** Fields typed as comma-separated domains and stored space-separated. */
export function isDomainList(field: string): boolean {
  return field === "allowedDomains" || field === "allowedBuyerDomains" || field === "ownDomains";
}

const MONTH_NAME = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" });

const EMPTY_WORDS: Record<string, string> = {
  ownerParticipantId: "Unassigned",
  gatesStage: "No gate",
  strength: "Suggested from engagement",
  holderParticipantId: "No one named",
};

const VALUE_LABELS: Record<string, Record<string, string>> = {
  strength: STRENGTH_LABELS,
  stakeholderRole: BUYING_ROLE_LABELS,
  status: { ...MILESTONE_STATUS_LABELS, ...PLAN_STATUS_LABELS },
  ownerSide: OWNER_SIDE_LABELS,
  repForecastCategory: FORECAST_LABELS,
  outcome: OUTCOME_LABELS,
  role: BUYING_ROLE_LABELS,
  accessState: ACCESS_LABELS,
};

function labelOf(field: string, value: string): string | undefined {
  return VALUE_LABELS[field]?.[value];
}

/** Field labels as a list a sentence can carry: "title, owner and target date", for the middle of a sentence. */
export function fieldList(fields: string[], subject?: FieldSubject): string {
  const words = fields.map((f) => fieldLabel(f, subject).toLowerCase());
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
