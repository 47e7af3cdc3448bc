// Server-rendered SVG bars: no chart library, readable without JavaScript, with a title, a
// description and a table of the same numbers for screen readers and for checking by hand.
import { useId } from "react";

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
  format: (value: number) => string;
  /** A dashed reference line, e.g. the 70% completion threshold. */
  threshold?: { value: number; label: string };
  max?: number;
}

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { top: 16, right: 12, bottom: 40, left: 44 };

export function BarChart({ title, description, labels, series, format, threshold, max }: BarChartProps) {
  const id = useId();
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = max ?? Math.max(1, ...values, threshold?.value ?? 0);
  const plotW = WIDTH - PAD.left - PAD.right;
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
            <span className="inline-block size-3 rounded-sm" style={{ background: s.color }} aria-hidden />
            {s.name}
          </span>
        ))}
      </div>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="mt-2 w-full" role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(top * f)} y2={y(top * f)} stroke="#e2e8f0" />
            <text x={PAD.left - 6} y={y(top * f) + 4} textAnchor="end" fontSize="11" fill="#64748b">
              {format(top * f)}
            </text>
          </g>
        ))}
        {labels.map((label, i) => (
          <g key={label + i}>
            {series.map((s, j) => {
              const v = s.values[i];
              if (v === null) return null;
              const x = PAD.left + i * group + (group - bar * series.length) / 2 + j * bar;
              return (
                <rect key={s.name} x={x} y={y(v)} width={bar - 1} height={Math.max(0, PAD.top + plotH - y(v))} fill={s.color}>
                  <title>{`${s.name}, ${label}: ${format(v)}`}</title>
                </rect>
              );
            })}
            {i % every === 0 ? (
              <text x={PAD.left + i * group + group / 2} y={HEIGHT - PAD.bottom + 16} textAnchor="middle" fontSize="11" fill="#475569">
                {label}
              </text>
            ) : null}
          </g>
        ))}
        {threshold ? (
          <g>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(threshold.value)} y2={y(threshold.value)} stroke="#dc2626" strokeDasharray="4 4" />
            <text x={WIDTH - PAD.right} y={y(threshold.value) - 4} textAnchor="end" fontSize="11" fill="#dc2626">
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
