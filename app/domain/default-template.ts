// The starter plan (docs/product.md, "Default template"). Day N is N days after the plan's
// start date. The stage gates follow the stages' exit criteria: a step gates the stage
// whose exit needs its artifact.
import type { BuyingRole, OwnerSide } from "./types";

export interface TemplateStep {
  title: string;
  output: string;
  ownerSide: OwnerSide;
  ownerRole: BuyingRole | null;
  ownerLabel: string;
  dayOffset: number;
  gatesStage: number | null;
}

export const DEFAULT_TEMPLATE_NAME = "Standard B2B plan (seed 003)";

export const DEFAULT_TEMPLATE_STEPS: readonly TemplateStep[] = [
  { title: "Business case shared with finance", output: "One-page case sent to CFO", ownerSide: "BUYER", ownerRole: "CHAMPION", ownerLabel: "Champion (buyer)", dayOffset: 7, gatesStage: 3 },
  { title: "Technical evaluation complete", output: "Signed evaluation summary", ownerSide: "BUYER", ownerRole: "TECHNICAL_EVALUATOR", ownerLabel: "Technical evaluator (buyer)", dayOffset: 14, gatesStage: 4 },
  { title: "Security review submitted", output: "Vendor questionnaire returned", ownerSide: "BUYER", ownerRole: null, ownerLabel: "Buyer security team", dayOffset: 18, gatesStage: 4 },
  { title: "Executive sponsor meeting", output: "Executive sign-off email", ownerSide: "JOINT", ownerRole: "CHAMPION", ownerLabel: "Champion and rep (joint)", dayOffset: 21, gatesStage: 4 },
  { title: "Proposal delivered", output: "Signed proposal with pricing", ownerSide: "SELLER", ownerRole: null, ownerLabel: "Rep (seller)", dayOffset: 24, gatesStage: 4 },
  { title: "Procurement portal entry", output: "Vendor record created", ownerSide: "BUYER", ownerRole: "PROCUREMENT", ownerLabel: "Procurement (buyer)", dayOffset: 30, gatesStage: 5 },
  { title: "Legal redlines exchanged", output: "Final redlines reconciled", ownerSide: "JOINT", ownerRole: "LEGAL", ownerLabel: "Both (joint)", dayOffset: 42, gatesStage: 5 },
  { title: "Countersignature", output: "Executed agreement", ownerSide: "BUYER", ownerRole: "ECONOMIC_BUYER", ownerLabel: "Economic buyer", dayOffset: 49, gatesStage: 6 },
];
