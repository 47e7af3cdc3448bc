import type { ButtonHTMLAttributes } from "react";

/** The looks `.btn-*` in app/tailwind.css defines. */
export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

export function Button({
  variant = "primary",
  className = "",
  pending = false,
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; pending?: boolean }) {
  return (
    <button className={`btn btn-${variant} ${className}`} disabled={pending || props.disabled} aria-busy={pending || undefined} {...props}>
      {children}
    </button>
  );
}
