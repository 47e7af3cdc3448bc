// Fiscal quarters from the organization's fiscal year start month (1 = January).
import type { CalendarDate } from "./types";

export interface FiscalQuarter {
  /** First day of the quarter. */
  start: CalendarDate;
  /** Last day of the quarter. */
  end: CalendarDate;
  /** 1..4 */
  quarter: number;
  /** Fiscal years are named by the calendar year they end in (FY2027 starts Feb 2026 when the year starts in February). */
  fiscalYear: number;
  label: string;
}

function pad(n: number) {
  return String(n).padStart(2, "0");
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function fiscalQuarterOf(date: CalendarDate, fiscalYearStartMonth: number): FiscalQuarter {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const offset = (month - fiscalYearStartMonth + 12) % 12;
  const quarter = Math.floor(offset / 3) + 1;
  // The quarter's first month, counted back from this month.
  let startYear = year;
  let startMonth = month - (offset % 3);
  if (startMonth < 1) {
    startMonth += 12;
    startYear -= 1;
  }
  let endYear = startYear;
  let endMonth = startMonth + 2;
  if (endMonth > 12) {
    endMonth -= 12;
    endYear += 1;
  }
  const fiscalYearStartYear = month >= fiscalYearStartMonth ? year : year - 1;
  const fiscalYear = fiscalYearStartMonth === 1 ? fiscalYearStartYear : fiscalYearStartYear + 1;
  return {
    start: `${startYear}-${pad(startMonth)}-01`,
    end: `${endYear}-${pad(endMonth)}-${pad(lastDayOfMonth(endYear, endMonth))}`,
    quarter,
    fiscalYear,
    label: `Q${quarter} FY${fiscalYear}`,
  };
}
