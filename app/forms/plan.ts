import { z } from "zod";
import { domainList, optionalText, planStartDate, requiredText, templateId, version } from "./fields";

// The start is checked against the deal's target close date and the template by the model
// (createPlanInTx), which knows both.
export const CreatePlanSchema = z
  .object({
    planMode: z.enum(["template", "blank"]),
    planStartDate,
    templateId,
  })
  .refine((value) => value.planMode !== "template" || Boolean(value.planStartDate), {
    path: ["planStartDate"],
    message: "Pick the day the plan starts",
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
