import type { ReactNode } from "react";

/** A white card with a titled heading that names the region for assistive technology. */
export function Panel({ headingId, title, className = "", children }: { headingId: string; title: ReactNode; className?: string; children: ReactNode }) {
  return (
    <section className={`card ${className}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
