// What a seller posts about a step or a deal from the deal page: a comment the buyer sees, or an
// internal note only the seller's team sees.
import { z } from "zod";
import { requiredText } from "./fields";

const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

export const COMMENT_MAX = 2000;
export const NOTE_MAX = 4000;

export const SellerCommentSchema = z.object({
  milestoneId: z.string().min(1),
  body: requiredText("Comment", COMMENT_MAX),
});

/** Without a step, the note is on the deal. */
export const InternalNoteSchema = z.object({
  milestoneId: z.preprocess(emptyToNull, z.string().nullable()),
  body: requiredText("Note", NOTE_MAX),
});

export type SellerCommentInput = z.infer<typeof SellerCommentSchema>;
export type InternalNoteInput = z.infer<typeof InternalNoteSchema>;
