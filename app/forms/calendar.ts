import { z } from "zod";

/** Making a calendar address takes nothing but the press of a button. */
export const CreateCalendarFeedSchema = z.object({});
export const RevokeCalendarFeedSchema = z.object({ feedId: z.string().min(1).max(100) });
