// The choices of a timezone field: every IANA zone the runtime knows, UTC first. The server lists
// them once and hands the list to the page, so the browser never offers a zone the server lacks.

export interface ZoneOption {
  value: string;
  label: string;
}

export function timeZoneOptions(): ZoneOption[] {
  const zones = Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC");
  return ["UTC", ...zones].map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") }));
}

const MONTH_NAMES = Array.from({ length: 12 }, (_, index) => new Date(Date.UTC(2000, index, 1)).toLocaleString("en-US", { month: "long", timeZone: "UTC" }));

/** The choices of a fiscal-year-start field: 1 is January. */
export const MONTH_OPTIONS: ReadonlyArray<ZoneOption> = MONTH_NAMES.map((name, index) => ({ value: String(index + 1), label: name }));
