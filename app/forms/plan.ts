import { z } from "zod";
import { isCalendarDate } from "~/domain/dates";
import { domainList, optionalText, requiredText, version } from "./fields";

export const CreatePlanSchema = z
  .object({
    planMode: z.enum(["template", "blank"]),
    planStartDate: z.string().optional(),
  })
  .refine((value) => value.planMode !== "template" || isCalendarDate(value.planStartDate ?? ""), {
    path: ["planStartDate"],
    message: "Pick the day the plan starts (YYYY-MM-DD)",
    // Check it even when other fields fail, so the form shows every error at once.
    when: () => true,
  });

export const EditPlanSchema = z.object({
  title: requiredText("Title", 160),
  summary: optionalText(4000),
  allowedDomains: domainList,
  version,
});

export const SharePlanSchema = z.object({ version });

export type CreatePlanInput = z.infer<typeof CreatePlanSchema>;
export type EditPlanInput = z.infer<typeof EditPlanSchema>;
