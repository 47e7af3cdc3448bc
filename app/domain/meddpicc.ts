// MEDDPICC (product.md): eight letters, each scored 0, 1 or 2, out of 16.

export const MEDDPICC_LETTERS = [
  { key: "metrics", letter: "M", name: "Metrics", question: "Is the economic impact quantified and agreed by the buyer?" },
  { key: "economicBuyer", letter: "E", name: "Economic buyer", question: "Have we met the person who signs, and do they support it?" },
  { key: "decisionCriteria", letter: "D", name: "Decision criteria", question: "Do we know, and shape, how they will judge the options?" },
  { key: "decisionProcess", letter: "D", name: "Decision process", question: "Do we know the steps, people and dates to a decision?" },
  { key: "paperProcess", letter: "P", name: "Paper process", question: "Do we know procurement, legal and security steps to a signature?" },
  { key: "identifyPain", letter: "I", name: "Identify pain", question: "Is there a named, costly pain the buyer wants gone?" },
  { key: "champion", letter: "C", name: "Champion", question: "Does someone with influence sell for us when we are not there?" },
  { key: "competition", letter: "C", name: "Competition", question: "Do we know who else is in the deal, including doing nothing?" },
] as const;

export type MeddpiccKey = (typeof MEDDPICC_LETTERS)[number]["key"];
export type MeddpiccScores = Record<MeddpiccKey, number>;

export const MEDDPICC_SCORE_LABELS = ["0: unknown", "1: partly known", "2: confirmed"] as const;

/** Seed thresholds: 12 to advance to stage 4, 14 for Commit. */
export const MEDDPICC_STAGE_4 = 12;
export const MEDDPICC_COMMIT = 14;

export function meddpiccTotal(scores: MeddpiccScores): number {
  return MEDDPICC_LETTERS.reduce((sum, { key }) => sum + scores[key], 0);
}
