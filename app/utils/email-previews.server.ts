// Every email template rendered from its own sample data (its `PreviewProps`), for /dev/emails and
// the screenshots: a template is previewable the moment it exists in emails/.
import { createElement, type ComponentType } from "react";
import { renderEmail, type RenderedEmail } from "./email.server";

export interface EmailTemplateModule {
  default?: ComponentType<never> & { PreviewProps?: object };
}

export interface EmailPreview extends RenderedEmail {
  /** The template's file name without its extension, e.g. "step-overdue". */
  name: string;
}

/** The templates a bundler found: file path → module. Files without a previewable default export are skipped. */
export async function renderPreviews(modules: Record<string, EmailTemplateModule>): Promise<EmailPreview[]> {
  const previews: EmailPreview[] = [];
  for (const [file, module] of Object.entries(modules).sort(([a], [b]) => a.localeCompare(b))) {
    const template = module.default;
    if (!template?.PreviewProps) continue;
    const name = file.replace(/^.*\//, "").replace(/\.tsx$/, "");
    const rendered = await renderEmail(name, createElement(template as ComponentType<object>, template.PreviewProps));
    previews.push({ ...rendered, name });
  }
  return previews;
}
