import { z } from "zod";
import { BUYING_ROLES, OWNER_SIDES } from "~/domain/types";
import { MAX_DAY_OFFSET, MAX_TEMPLATE_STEPS } from "~/domain/template-steps";
import { optionalText, requiredText, version } from "./fields";

const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const dayMessage = `Enter a whole number of days from 0 to ${MAX_DAY_OFFSET}`;

export const templateStepFields = z.object({
  title: requiredText("Step title", 160),
  output: optionalText(300),
  ownerSide: z.enum(OWNER_SIDES, { error: "Choose who owns this step" }),
  ownerRole: z.preprocess(emptyToNull, z.enum(BUYING_ROLES, { error: "Choose a buying role" }).nullable()),
  dayOffset: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: "Enter the step's day" }).int(dayMessage).min(0, dayMessage).max(MAX_DAY_OFFSET, dayMessage),
  ),
  gatesStage: z.preprocess(emptyToNull, z.coerce.number().int().min(1).max(6).nullable()),
  // A checkbox posts "on" when ticked and nothing when not.
  internalOnly: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const templateFields = {
  name: requiredText("Name", 120),
  description: optionalText(1000),
};

export const NewTemplateSchema = z.object(templateFields);

/**
 * Every button of the template editor posts the whole form, so nothing typed is lost: `op` says
 * what to do besides saving (add a step, remove or move the step at an index).
 */
export const TEMPLATE_OPS = /^(save|add|removed|remove:\d+|up:\d+|down:\d+)$/;

/**
 * A removal is applied to the posted fields before they are checked, so a step that is being
 * removed cannot block its own removal with a field error, and errors point at the steps left.
 * The op becomes "removed": the list posted no longer holds the step.
 */
export function withoutRemovedStep(form: FormData): FormData {
  const match = /^remove:(\d+)$/.exec(String(form.get("op") ?? ""));
  if (!match) return form;
  const removed = Number(match[1]);
  const next = new FormData();
  for (const [key, value] of form.entries()) {
    const step = /^steps\[(\d+)\](.*)$/.exec(key);
    if (key === "op") next.append(key, "removed");
    else if (!step) next.append(key, value);
    else if (Number(step[1]) !== removed) next.append(`steps[${Number(step[1]) > removed ? Number(step[1]) - 1 : step[1]}]${step[2]}`, value);
  }
  return next;
}

export const EditTemplateSchema = z.object({
  ...templateFields,
  steps: z.array(templateStepFields).max(MAX_TEMPLATE_STEPS, `A template holds ${MAX_TEMPLATE_STEPS} steps at most`).default([]),
  op: z.string().regex(TEMPLATE_OPS, "Unknown change").default("save"),
  version,
});

export const TemplateVersionSchema = z.object({ version });
export const MoveTemplateSchema = z.object({ templateId: z.string().min(1), direction: z.enum(["up", "down"]) });
export const TemplateRowSchema = z.object({ templateId: z.string().min(1), version });

export const SavePlanAsTemplateSchema = z.object({ name: requiredText("Template name", 120) });

export type TemplateStepInput = z.infer<typeof templateStepFields>;
export type EditTemplateInput = z.infer<typeof EditTemplateSchema>;
export type NewTemplateInput = z.infer<typeof NewTemplateSchema>;
