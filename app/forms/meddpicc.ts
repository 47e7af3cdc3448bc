import { z } from "zod";
import { MEDDPICC_LETTERS, type MeddpiccKey } from "~/domain/meddpicc";

const score = z.coerce.number({ error: "Score 0, 1 or 2" }).int().min(0, "Score 0, 1 or 2").max(2, "Score 0, 1 or 2");

export const MeddpiccSchema = z.object({
  ...(Object.fromEntries(MEDDPICC_LETTERS.map(({ key }) => [key, score])) as Record<MeddpiccKey, typeof score>),
  /** 0 when no score was recorded yet. */
  version: z.coerce.number().int().min(0),
});

export type MeddpiccInput = z.infer<typeof MeddpiccSchema>;
