// Reads a Remix single-fetch (`.data`) answer as the hydrated page does, with Remix's own decoder.
import { decodeViaTurboStream } from "@remix-run/react/dist/single-fetch.js";
import type { MilestoneView } from "~/components/plan-editor/types";

const DEAL_ROUTE = "routes/_seller.deals.$dealId";

type Decoded = Record<string, { data?: unknown; error?: unknown }>;

async function decode(body: string): Promise<Decoded> {
  const decoded = (await decodeViaTurboStream(new Blob([body]).stream(), globalThis)) as { value: Decoded };
  return decoded.value;
}

/** The deal page's milestones from a loader answer; null when the answer does not carry them (an error page, no answer). */
export async function dealPageMilestones(body: string): Promise<MilestoneView[] | null> {
  try {
    const route = (await decode(body))[DEAL_ROUTE]?.data as { plan?: { milestones: MilestoneView[] } } | undefined;
    return route?.plan?.milestones ?? null;
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
