import { z } from "zod";
import { calendarDate, domainList, optionalText, requiredText, version } from "./fields";

export const CreatePlanSchema = z
  .object({
    planMode: z.enum(["template", "blank"]),
    planStartDate: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.planMode === "template" && !calendarDate("Plan start date").safeParse(value.planStartDate).success) {
      ctx.addIssue({ code: "custom", path: ["planStartDate"], message: "Pick the day the plan starts (YYYY-MM-DD)" });
    }
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
