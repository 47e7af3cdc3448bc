import type { getBuyerPlan } from "./buyer-plan-read.server";

/** What the buyer's plan page receives; built only by getBuyerPlan. */
export type BuyerPlanView = Awaited<ReturnType<typeof getBuyerPlan>>;
