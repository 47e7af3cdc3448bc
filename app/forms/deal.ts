import { z } from "zod";
import { CURRENCIES, FORECAST_CATEGORIES, OUTCOMES } from "~/domain/types";
import { planStartProblem } from "~/domain/default-template";
import { calendarDate, planStartDate, requiredText, templateId, version } from "./fields";

export const dealFields = {
  accountName: requiredText("Account name", 120),
  name: requiredText("Deal name", 160),
  amount: z.coerce
    .number({ error: "Amount must be a number" })
    .int("Amount must be a whole number")
    .min(0, "Amount cannot be negative")
    .max(1_000_000_000_000, "Amount is too large"),
  currency: z.enum(CURRENCIES, { error: "Choose a currency" }),
  stage: z.coerce.number({ error: "Choose a stage" }).int().min(1, "Choose a stage from 1 to 6").max(6, "Choose a stage from 1 to 6"),
  targetCloseDate: calendarDate("Target close date"),
  repForecastCategory: z.enum(FORECAST_CATEGORIES, { error: "Choose a forecast category" }),
};

export const NewDealSchema = z
  .object({
    ...dealFields,
    ownerId: z.string().optional(),
    planMode: z.enum(["template", "blank", "none"]).default("template"),
    planStartDate,
    templateId,
  })
  .refine((value) => value.planMode !== "template" || Boolean(value.planStartDate), {
    path: ["planStartDate"],
    message: "Pick the day the plan starts",
    // Check it even when other fields fail, so the form shows every error at once.
    when: () => true,
  })
  .superRefine((value, ctx) => {
    const problem = value.planMode === "template" && value.planStartDate ? planStartProblem(value.planStartDate, value.targetCloseDate) : null;
    if (problem) ctx.addIssue({ code: "custom", path: ["planStartDate"], message: problem });
  });

export const EditDealSchema = z.object({
  ...dealFields,
  outcome: z.enum(OUTCOMES, { error: "Choose an outcome" }),
  version,
});

export type NewDealInput = z.infer<typeof NewDealSchema>;
export type EditDealInput = z.infer<typeof EditDealSchema>;

export const ArchiveDealSchema = z.object({ version });
export const DeleteDealSchema = z.object({ confirmName: requiredText("Account name", 200) });
