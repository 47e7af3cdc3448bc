// What a buyer can post on the plan page. Each schema is one small form that works without JS.
import { z } from "zod";
import { BUYING_ROLES } from "~/domain/types";
import { calendarDate, email, optionalText, requiredText, version } from "./fields";

const milestoneId = z.string().min(1);
const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

export const BuyerAddMilestoneSchema = z.object({
  title: requiredText("Title", 160),
  output: optionalText(300),
  ownerSide: z.enum(["BUYER", "JOINT"], { error: "Choose who owns this step" }),
  ownerParticipantId: z.preprocess(emptyToNull, z.string().nullable()),
  targetDate: calendarDate("Target date"),
});

export const BuyerRedateSchema = z.object({
  milestoneId,
  version,
  targetDate: calendarDate("New date"),
  reason: optionalText(500),
});

export const BuyerAssignSchema = z.object({
  milestoneId,
  version,
  ownerParticipantId: z.preprocess(emptyToNull, z.string().nullable()),
});

export const BuyerMilestoneActionSchema = z.object({ milestoneId, version });

export const BuyerBlockedSchema = z.object({
  milestoneId,
  version,
  reason: optionalText(500),
});

/** The answers a check-in email offers for each step, as its links carry them. */
export const CHECK_IN_ANSWERS = ["done", "date", "blocked"] as const;
export type CheckInAnswer = (typeof CHECK_IN_ANSWERS)[number];

/** A check-in link's query: which step, and which answer. */
export const CheckInLinkSchema = z.object({
  step: z.string().min(1).max(64),
  answer: z.enum(CHECK_IN_ANSWERS),
});

export const BuyerCommentSchema = z.object({
  milestoneId: z.preprocess(emptyToNull, z.string().nullable()),
  body: requiredText("Comment", 2000),
});

export const BuyerAcceptSchema = z.object({ version });

export const BuyerInviteSchema = z.object({
  name: requiredText("Name", 120),
  email,
  title: optionalText(120),
  role: z.enum(BUYING_ROLES, { error: "Choose a buying role" }),
});

export const BuyerRequestCodeSchema = z.object({ email });
export const BuyerCodeSchema = z.object({
  email,
  code: z
    .string({ error: "Enter the 6-digit code" })
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from the email"),
});
