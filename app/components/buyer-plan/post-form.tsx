import type { ReactNode } from "react";
import type { IntentResult } from "~/forms/intent";

/** A form posting to this page (to `action`, a query of it, when given), the only kind the buyer page has. */
export function PostForm({
  intent,
  hidden = {},
  action,
  className,
  children,
}: {
  intent: string;
  hidden?: Record<string, string | number>;
  action?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form method="post" action={action} className={className}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </form>
  );
}

/** What the buyer typed into a refused form, so that the page sent back keeps it. */
export function typedValue(result: IntentResult | undefined, field: string): string | undefined {
  if (!result || result.ok) return undefined;
  const value = result.result.initialValue?.[field];
  return typeof value === "string" ? value : undefined;
}

/** The short note a saved form leaves once, after the page it redirected to (Post/Redirect/Get). */
export function SavedNotice({ shown, children = "Saved." }: { shown: boolean; children?: ReactNode }) {
  if (!shown) return null;
  return (
    <p role="status" className="mt-2 text-sm text-emerald-800" data-testid="saved">
      {children}
    </p>
  );
}
