// Reads a Remix single-fetch (`.data`) answer as the hydrated page does, with Remix's own decoder.
import { decodeViaTurboStream } from "@remix-run/react/dist/single-fetch.js";
import type { MilestoneView } from "~/components/plan-editor/types";

const DEAL_ROUTE = "routes/_seller.deals.$dealId";

type Decoded = Record<string, { data?: unknown; error?: unknown }>;

/** Null for anything but a whole answer: the decoder waits for ever on a cut one. */
async function decode(body: string): Promise<Decoded | null> {
  if (!body.startsWith("[")) return null;
  const timeout = new Promise<null>((resolve) => setTimeout(resolve, 5_000, null).unref());
  const decoded = decodeViaTurboStream(new Blob([body]).stream(), globalThis) as Promise<{ value: Decoded }>;
  return (await Promise.race([decoded, timeout]))?.value ?? null;
}

/** What the seller's page holds and posts from: the plan's steps and the change tag it polls with. */
export interface DealPageView {
  milestones: MilestoneView[];
  changeTag: string;
}

type Parts = { plan?: { milestones: MilestoneView[] } | null; changeTag?: string } | undefined;

const viewOf = (parts: Parts): DealPageView | null =>
  parts?.plan && parts.changeTag ? { milestones: parts.plan.milestones, changeTag: parts.changeTag } : null;

/** The deal page from a loader answer; null when the answer does not carry it (an error page, no answer). */
export async function dealPageView(body: string): Promise<DealPageView | null> {
  try {
    return viewOf((await decode(body))?.[DEAL_ROUTE]?.data as Parts);
  } catch {
    return null;
  }
}

/**
 * The deal page after a save that answered with what changed, laid over the page as it was, as
 * the page does (app/components/plan-editor/saved-changes.tsx): a refused save carries the plan alone.
 */
export async function savedChangesView(body: string, page: DealPageView): Promise<DealPageView | null> {
  try {
    const answer = (await decode(body)) as { data?: { changes?: Parts } } | null;
    const changes = answer?.data?.changes;
    return changes ? viewOf({ changeTag: page.changeTag, ...changes }) : null;
  } catch {
    return null;
  }
}

/** The fields the deal page's milestone form posts, as the form shows the stored row. */
export function milestoneFormFields(m: MilestoneView): Map<string, string> {
  const fields = new Map<string, string>([
    ["intent", "update-milestone"],
    ["milestoneId", m.id],
    ["version", String(m.version)],
    ["title", m.title],
    ["output", m.output],
    ["ownerSide", m.ownerSide],
    ["ownerParticipantId", m.ownerParticipantId ?? ""],
    ["targetDate", m.targetDate],
    ["status", m.status],
    ["gatesStage", m.gatesStage ? String(m.gatesStage) : ""],
  ]);
  if (m.internalOnly) fields.set("internalOnly", "on");
  return fields;
}
