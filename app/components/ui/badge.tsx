import type { ReactNode } from "react";

/** The tones `.badge-*` in app/tailwind.css defines. */
export type BadgeTone = "gray" | "green" | "amber" | "red" | "blue";

export function Badge({ tone = "gray", children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
