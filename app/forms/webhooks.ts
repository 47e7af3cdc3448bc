// The forms of the webhooks settings pages.
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES, WEBHOOK_KINDS } from "~/domain/webhook-events";
import { optionalText, version } from "./fields";

const id = z.string().trim().min(1);
const events = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, "Choose at least one event"),
);

export const NewEndpointSchema = z.object({
  url: z.string({ error: "Enter the address that receives the events" }).trim().min(1, "Enter the address that receives the events").max(2000),
  kind: z.enum(WEBHOOK_KINDS, { error: "Choose what kind of receiver it is" }),
  description: optionalText(200),
  events,
});

export const EndpointEventsSchema = z.object({ events, description: optionalText(200), version });
/** Pause, resume, test, new secret, delete: the endpoint is the page's own. */
export const NoFieldsSchema = z.object({});
export const ResendSchema = z.object({ deliveryId: id });

export type NewEndpointInput = z.output<typeof NewEndpointSchema>;
export type EndpointEventsInput = z.output<typeof EndpointEventsSchema>;
