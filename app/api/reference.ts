// The OpenAPI document read back for the reference page: each schema's fields as rows a person can
// scan (name, type, required, what it means). Only the shapes app/api/openapi.ts produces are read.
type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  default?: unknown;
};

export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

export function refName(ref: string): string {
  return ref.split("/").pop() ?? ref;
}

/** "string", "integer 1–6", "one of OPEN, WON, LOST", "Deal", "list of Step", "string or null". */
export function typeLabel(schema: JsonSchema): string {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.anyOf) return schema.anyOf.map(typeLabel).join(" or ");
  if (schema.enum) return `one of ${schema.enum.join(", ")}`;
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  if (type === "array") return `list of ${schema.items ? typeLabel(schema.items) : "any"}`;
  if (type === "integer" && schema.minimum !== undefined && schema.maximum !== undefined && schema.maximum < 1e9)
    return `integer ${schema.minimum}–${schema.maximum}`;
  if (schema.format === "date-time") return "date-time";
  if (type === "string" && schema.maxLength) return `string, up to ${schema.maxLength}`;
  return type;
}

/** An object schema's fields, nested objects flattened as "health.score". */
export function fieldRows(schema: JsonSchema, prefix = ""): FieldRow[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, field]) => {
    const nullable = field.anyOf?.find((s) => s.type !== "null");
    const inner = nullable && field.anyOf?.length === 2 ? nullable : field;
    const row: FieldRow = {
      name: prefix + name,
      type: typeLabel(field),
      required: required.has(name),
      description: [field.description ?? inner.description, field.default !== undefined ? `Default ${String(field.default)}.` : ""].filter(Boolean).join(" "),
    };
    const nested = inner.type === "object" && inner.properties ? fieldRows(inner, `${prefix}${name}.`) : [];
    const listed = inner.type === "array" && inner.items?.type === "object" ? fieldRows(inner.items, `${prefix}${name}[].`) : [];
    return [row, ...nested, ...listed];
  });
}
