import { compareCalendarDates } from "~/domain/dates";
import { stageName } from "~/domain/types";

interface GroupedStep {
  targetDate: string;
  position: number;
  gatesStage: number | null;
}

const NO_STAGE = 99;

/** Date order, or grouped by the deal stage each step gates: the buyer's page and the printed plan show the same sections. */
export function groupSteps<T extends GroupedStep>(steps: T[], byStage: boolean): Array<{ heading: string | null; items: T[] }> {
  const byDate = [...steps].sort((a, b) => compareCalendarDates(a.targetDate, b.targetDate) || a.position - b.position);
  if (!byStage) return [{ heading: null, items: byDate }];
  const groups = new Map<number, T[]>();
  for (const m of byDate) groups.set(m.gatesStage ?? NO_STAGE, [...(groups.get(m.gatesStage ?? NO_STAGE) ?? []), m]);
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([stage, items]) => ({ heading: stage === NO_STAGE ? "Other steps" : `Before stage ${stage}: ${stageName(stage)}`, items }));
}
