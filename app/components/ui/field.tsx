import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

// `.control`, `.label` and `.field-errors` are defined once in app/tailwind.css.
const control = "control mt-1";

interface FieldShell {
  label: string;
  id: string;
  errors?: string[];
  hint?: ReactNode;
  className?: string;
}

function Shell({ label, id, errors, hint, className, children }: FieldShell & { children: ReactNode }) {
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

export function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors" role="alert">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

type InputProps = FieldShell & InputHTMLAttributes<HTMLInputElement>;

export function InputField({ label, id, errors, hint, className, ...input }: InputProps) {
  return (
    <Shell label={label} id={id} errors={errors} hint={hint} className={className}>
      <input
        id={id}
        className={control}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        {...input}
      />
    </Shell>
  );
}

type SelectProps = FieldShell & SelectHTMLAttributes<HTMLSelectElement> & { options: ReadonlyArray<{ value: string; label: string }> };

export function SelectField({ label, id, errors, hint, className, options, ...select }: SelectProps) {
  return (
    <Shell label={label} id={id} errors={errors} hint={hint} className={className}>
      <select
        id={id}
        className={control}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

type TextareaProps = FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>;

export function TextareaField({ label, id, errors, hint, className, ...textarea }: TextareaProps) {
  return (
    <Shell label={label} id={id} errors={errors} hint={hint} className={className}>
      <textarea
        id={id}
        className={control}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        {...textarea}
      />
    </Shell>
  );
}
