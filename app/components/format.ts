import { memoize } from "~/domain/memo";
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${amount.toLocaleString("en-US")} ${currency}`;
  }
}

// Building an Intl formatter costs far more than using one: keep one per timezone.
const momentFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment shown in the organization's timezone, so every reader sees the same clock. */
export const formatMoment = memoize(
  (iso: string, timeZone: string): string => {
    let format = momentFormats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
      momentFormats.set(timeZone, format);
    }
    return format.format(new Date(iso));
  },
  (iso, timeZone) => `${timeZone}|${iso}`,
);
