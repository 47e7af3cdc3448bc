// Server-rendered SVG bars: no chart library, readable without JavaScript, with a title, a
// description and a table of the same numbers for screen readers and for checking by hand.
import { useId } from "react";
import { estimateTextWidth, niceCeiling } from "./axis";

export interface BarSeries {
  name: string;
  color: string;
  values: Array<number | null>;
}

interface BarChartProps {
  title: string;
  description: string;
  labels: string[];
  series: BarSeries[];
  /** Exact values, for bar titles and the table. */
  format: (value: number) => string;
  /** Axis labels, when they should be shorter than exact values (compact amounts). */
  formatAxis?: (value: number) => string;
  /** A dashed reference line, e.g. the 70% completion threshold. */
  threshold?: { value: number; label: string };
  max?: number;
}

const WIDTH = 640;
const HEIGHT = 200;
const FONT_SIZE = 11;
/** Space between a value label and the plot. */
export const LABEL_GAP = 6;
const PAD = { top: 16, right: 12, bottom: 40, minLeft: 32 };
const TICKS = [0, 0.5, 1];

/** The values on the vertical axis, and the width the widest of their labels needs. */
export function valueAxis(top: number, format: (value: number) => string) {
  const ticks = TICKS.map((f) => ({ value: top * f, label: format(top * f) }));
  const widest = Math.max(...ticks.map((t) => estimateTextWidth(t.label, FONT_SIZE)));
  return { ticks, left: Math.max(PAD.minLeft, Math.ceil(widest + LABEL_GAP + 4)) };
}

export function BarChart({ title, description, labels, series, format, formatAxis, threshold, max }: BarChartProps) {
  const id = useId();
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = max ?? niceCeiling(Math.max(...values, threshold?.value ?? 0));
  const axis = valueAxis(top, formatAxis ?? format);
  const left = axis.left;
  const plotW = WIDTH - left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const group = plotW / Math.max(1, labels.length);
  const bar = Math.max(2, (group * 0.7) / series.length);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const every = Math.ceil(labels.length / 12);

  return (
    <figure className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <figcaption className="font-semibold">{title}</figcaption>
      <div className="mt-1 flex flex-wrap gap-3 text-xs text-slate-600">
        {series.map((s) => (
          <span key={s.name} className="flex items-center gap-1">
            <svg className="size-3" viewBox="0 0 12 12" aria-hidden>
              <rect width="12" height="12" rx="2" fill={s.color} />
            </svg>
            {s.name}
          </span>
        ))}
      </div>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="mt-2 w-full" role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {axis.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={left} x2={WIDTH - PAD.right} y1={y(tick.value)} y2={y(tick.value)} stroke="#e2e8f0" />
            <text x={left - LABEL_GAP} y={y(tick.value) + 4} textAnchor="end" fontSize={FONT_SIZE} fill="#64748b" data-axis-label="">
              {tick.label}
            </text>
          </g>
        ))}
        {labels.map((label, i) => (
          <g key={label + i}>
            {series.map((s, j) => {
              const v = s.values[i];
              if (v === null) return null;
              const x = left + i * group + (group - bar * series.length) / 2 + j * bar;
              return (
                <rect key={s.name} x={x} y={y(v)} width={bar - 1} height={Math.max(0, PAD.top + plotH - y(v))} fill={s.color}>
                  <title>{`${s.name}, ${label}: ${format(v)}`}</title>
                </rect>
              );
            })}
            {i % every === 0 ? (
              <text x={left + i * group + group / 2} y={HEIGHT - PAD.bottom + 16} textAnchor="middle" fontSize={FONT_SIZE} fill="#475569">
                {label}
              </text>
            ) : null}
          </g>
        ))}
        {threshold ? (
          <g>
            <line x1={left} x2={WIDTH - PAD.right} y1={y(threshold.value)} y2={y(threshold.value)} stroke="#dc2626" strokeDasharray="4 4" />
            <text x={WIDTH - PAD.right} y={y(threshold.value) - 4} textAnchor="end" fontSize={FONT_SIZE} fill="#dc2626">
              {threshold.label}
            </text>
          </g>
        ) : null}
      </svg>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-600">Show as a table</summary>
        <table className="mt-2 w-full text-left text-sm">
          <thead>
            <tr>
              <th className="pr-2 font-medium"> </th>
              {series.map((s) => (
                <th key={s.name} className="pr-2 font-medium">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={label + i}>
                <td className="pr-2">{label}</td>
                {series.map((s) => (
                  <td key={s.name} className="pr-2">
                    {s.values[i] === null ? "—" : format(s.values[i]!)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
