// A JSX runtime that renders straight to an HTML string, for pages that are never hydrated (the
// buyer's plan page, docs/decisions/0005-buyer-page-as-html.md). A file opts in with the pragma
// `/** @jsxImportSource ~/html */`. Text and attribute values are always escaped; only markup
// made by this runtime passes through unescaped, so a component cannot inject HTML by accident.
import type { JSX as ReactJSX } from "react";

/** Markup this runtime produced. Anything else placed in the page is escaped as text. */
export class Html {
  constructor(readonly html: string) {}
  toString() {
    return this.html;
  }
}

export type Child = Html | string | number | boolean | null | undefined | Child[];
type Props = Record<string, unknown> & { children?: Child };
type Component = (props: never) => Html | null;

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const RENAMED: Record<string, string> = { className: "class", htmlFor: "for", defaultValue: "value", defaultChecked: "checked", charSet: "charset" };
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const NEEDS_ESCAPE = /[&<>"']/;

export function escapeHtml(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]) : text;
}

function renderChild(child: Child): string {
  if (child instanceof Html) return child.html;
  if (typeof child === "string") return escapeHtml(child);
  if (Array.isArray(child)) {
    let out = "";
    for (const item of child) out += renderChild(item);
    return out;
  }
  if (child === null || child === undefined || typeof child === "boolean") return "";
  return escapeHtml(String(child));
}

function styleText(style: Record<string, string | number>): string {
  return Object.entries(style)
    .map(([key, value]) => `${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${value}`)
    .join(";");
}

function attributes(tag: string, props: Props): string {
  let out = "";
  for (const key in props) {
    const value = props[key];
    if (key === "children" || key === "key" || value === undefined || value === null || value === false) continue;
    if (typeof value === "function") throw new Error(`<${tag} ${key}>: event handlers cannot be rendered to HTML`);
    // A textarea's default value is its content, not an attribute.
    if (tag === "textarea" && key === "defaultValue") continue;
    const name = RENAMED[key] ?? key;
    if (value === true && !name.startsWith("aria-") && !name.startsWith("data-")) {
      out += ` ${name}`;
      continue;
    }
    const text = key === "style" && typeof value === "object" ? styleText(value as Record<string, string | number>) : String(value);
    out += ` ${name}="${escapeHtml(text)}"`;
  }
  return out;
}

export function jsx(type: string | Component, props: Props): Html {
  if (typeof type === "function") return (type as (p: Props) => Html | null)(props) ?? new Html("");
  const open = `<${type}${attributes(type, props)}>`;
  if (VOID.has(type)) return new Html(open);
  const content = type === "textarea" && props.defaultValue !== undefined ? escapeHtml(String(props.defaultValue)) : renderChild(props.children);
  return new Html(`${open}${content}</${type}>`);
}

export const jsxs = jsx;
export const jsxDEV = jsx;

export function Fragment({ children }: { children?: Child }): Html {
  return new Html(renderChild(children));
}

/** A whole page, ready to send. */
export function htmlDocument(page: Html): string {
  return `<!DOCTYPE html>${page.html}`;
}

// The element and attribute types are React's, so typos and wrong values still fail `tsc`; only
// children differ, since they are strings of markup here rather than React nodes.
type Intrinsics = {
  [Tag in keyof ReactJSX.IntrinsicElements]: Omit<ReactJSX.IntrinsicElements[Tag], "children" | "dangerouslySetInnerHTML" | "ref"> & { children?: Child };
};

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace JSX {
  export type Element = Html;
  export interface ElementChildrenAttribute {
    children: unknown;
  }
  export interface IntrinsicElements extends Intrinsics {}
}
