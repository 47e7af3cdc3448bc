/** @jsxImportSource ~/html */
// The controls of app/components/ui for pages rendered by the HTML runtime. They share the CSS
// classes (app/tailwind.css) and the conflict logic (app/forms/intent.ts) with the React ones.
import type { ButtonVariant } from "~/components/ui/button";
import type { BadgeTone } from "~/components/ui/badge";
import { conflictDetails, type IntentResult } from "~/forms/intent";
import type { Child, JSX } from "./jsx-runtime";

type Attributes<Tag extends keyof JSX.IntrinsicElements> = JSX.IntrinsicElements[Tag];

export function Button({ variant = "primary", className = "", children, ...props }: Attributes<"button"> & { variant?: ButtonVariant }) {
  return (
    <button className={`btn btn-${variant} ${className}`} {...props}>
      {children}
    </button>
  );
}

export function Badge({ tone = "gray", children }: { tone?: BadgeTone; children: Child }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

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
  children: Child;
}) {
  return (
    <form method="post" action={action} className={className}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {children}
    </form>
  );
}

export function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors" role="alert">
      {errors.map((e) => (
        <li>{e}</li>
      ))}
    </ul>
  );
}

interface FieldShell {
  label: string;
  id: string;
  errors?: string[];
  hint?: string;
  className?: string;
}

function Shell({ label, id, errors, hint, className, children }: FieldShell & { children: Child }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {children}
      {hint && !errors?.length ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

function invalid(id: string, errors?: string[]) {
  return errors?.length ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {};
}

export function InputField({ label, id, errors, hint, className, ...input }: FieldShell & Attributes<"input">) {
  return (
    <Shell label={label} id={id} errors={errors} hint={hint} className={className}>
      <input id={id} className="control mt-1" {...invalid(id, errors)} {...input} />
    </Shell>
  );
}

export function SelectField({
  label,
  id,
  errors,
  hint,
  className,
  options,
  selected,
  ...select
}: FieldShell & Attributes<"select"> & { options: ReadonlyArray<{ value: string; label: string }>; selected: string }) {
  return (
    <Shell label={label} id={id} errors={errors} hint={hint} className={className}>
      <select id={id} className="control mt-1" {...invalid(id, errors)} {...select}>
        <Options options={options} selected={selected} />
      </select>
    </Shell>
  );
}

/** `<option>`s with one marked selected: static HTML has no `defaultValue` on a select. */
export function Options({ options, selected }: { options: ReadonlyArray<{ value: string; label: string }>; selected: string }) {
  return (
    <>
      {options.map((o) => (
        <option value={o.value} selected={o.value === selected}>
          {o.label}
        </option>
      ))}
    </>
  );
}

/**
 * Someone else saved first: what is stored now beside what this user typed, and a way to keep
 * theirs, posted to `action` (the page that closes the forms) when given.
 */
export function ConflictNotice({ result, action }: { result?: IntentResult; action?: string }) {
  const details = conflictDetails(result);
  if (!details) return null;
  const { current, differing, keep } = details;
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <p className="font-medium">Someone else saved this first. Your change was not applied.</p>
      {differing.length > 0 ? (
        <table className="mt-2 w-full text-left">
          <thead>
            <tr>
              <th className="pr-2 font-medium">Field</th>
              <th className="pr-2 font-medium">Saved now</th>
              <th className="font-medium">Yours</th>
            </tr>
          </thead>
          <tbody>
            {differing.map(([key, value]) => (
              <tr>
                <td className="pr-2 align-top">{key}</td>
                <td className="pr-2 align-top font-mono">{String(current[key] ?? "") || "—"}</td>
                <td className="align-top font-mono">{String(value ?? "") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-1">Your values match what is saved now.</p>
      )}
      {keep ? (
        <form method="post" action={action} className="mt-2 flex flex-wrap items-center gap-2">
          {keep.fields.map(([key, value]) => (
            <input type="hidden" name={key} value={value} />
          ))}
          <input type="hidden" name="version" value={keep.version} />
          <button type="submit" className="rounded-md border border-amber-400 bg-white px-2 py-1 font-medium hover:bg-amber-100">
            Keep mine instead
          </button>
          <span>or leave it: the saved version stays.</span>
        </form>
      ) : null}
    </div>
  );
}
