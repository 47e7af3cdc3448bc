// What the deal page receives of a deal's conversation: each step's comments (the buyer sees
// them) and the internal notes on the deal and its steps (only the seller's team does).

export interface StepComment {
  id: string;
  side: "BUYER" | "SELLER";
  authorName: string;
  body: string;
  at: string;
}

export interface InternalNoteView {
  id: string;
  authorName: string;
  body: string;
  at: string;
}

export interface DealDiscussion {
  /** The organization's timezone, for the times shown. */
  timezone: string;
  commentsByStep: Record<string, StepComment[]>;
  notesByStep: Record<string, InternalNoteView[]>;
  dealNotes: InternalNoteView[];
}
