import { useState } from "react";
import { Form } from "@remix-run/react";
import { ConflictNotice, FormErrors, useIntentResult, useIsPending } from "~/components/plan-editor/intent-hooks";
import { SavedNotice } from "~/components/plan-editor/notice";
import { Button } from "~/components/ui/button";
import { FieldErrors, InputField } from "~/components/ui/field";
import { accentColourProblem, isHexColour } from "~/domain/contrast";
import { errorsOf } from "~/forms/intent";
import type { OrganizationSettings } from "~/models/organization-settings.server";

/** The product's own accent, used while an organization has none. */
export const DEFAULT_ACCENT = "#4338ca";

/** The logo and accent colour buyers see on their plan page and in their emails. */
export function BrandingPanel({ settings, logoUrl }: { settings: OrganizationSettings; logoUrl: string | null }) {
  return (
    <section id="branding" aria-labelledby="branding-heading" className="card scroll-mt-4 space-y-6 p-4 sm:p-6">
      <div>
        <h2 id="branding-heading" className="font-semibold">
          Branding shown to buyers <SavedNotice anchor="branding" className="ml-2" />
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Buyers see your logo and colour at the top of their plan, and the colour on its buttons and in their emails.
        </p>
      </div>
      <AccentForm settings={settings} />
      <LogoForms version={settings.version} logoUrl={logoUrl} />
    </section>
  );
}

function AccentForm({ settings }: { settings: OrganizationSettings }) {
  const result = useIntentResult("update-accent");
  const removing = useIntentResult("remove-accent");
  const saving = useIsPending("update-accent");
  const typed = result?.result.initialValue?.accentColor;
  const [colour, setColour] = useState(typeof typed === "string" ? typed : (settings.accentColor ?? ""));
  const preview = isHexColour(colour.trim()) && !accentColourProblem(colour.trim()) ? colour.trim() : (settings.accentColor ?? DEFAULT_ACCENT);
  return (
    <div className="space-y-3">
      <ConflictNotice result={result ?? removing} />
      <Form method="post" className="flex flex-wrap items-end gap-3" preventScrollReset>
        <input type="hidden" name="intent" value="update-accent" />
        <input type="hidden" name="version" value={settings.version} />
        <InputField
          id="accent-colour"
          label="Accent colour"
          name="accentColor"
          value={colour}
          onChange={(event) => setColour(event.target.value)}
          placeholder={DEFAULT_ACCENT}
          hint="Like #1d4ed8. White text must stay readable on it (a contrast of 4.5:1 or more)."
          errors={errorsOf(result, "accentColor")}
          className="w-64"
        />
        {/* SVG attributes, not a style: the page's CSP allows no inline styles. */}
        <svg className="mb-1 h-9 w-36 text-sm font-semibold" role="img" aria-label="Button preview" data-testid="accent-preview" data-colour={preview}>
          <rect width="100%" height="100%" rx="6" fill={preview} />
          <text x="50%" y="50%" dominantBaseline="central" textAnchor="middle" fill="white">
            Button preview
          </text>
        </svg>
        <Button type="submit" pending={saving}>
          Save colour
        </Button>
      </Form>
      {settings.accentColor ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="remove-accent" />
          <input type="hidden" name="version" value={settings.version} />
          <button type="submit" className="text-sm text-brand-700 underline">
            Use the default colour
          </button>
        </Form>
      ) : null}
    </div>
  );
}

function LogoForms({ version, logoUrl }: { version: number; logoUrl: string | null }) {
  const upload = useIntentResult("upload-logo");
  const removal = useIntentResult("remove-logo");
  const uploading = useIsPending("upload-logo");
  const removing = useIsPending("remove-logo");
  return (
    <div className="space-y-3">
      <h3 className="text-sm font-medium text-slate-700">Logo</h3>
      {logoUrl ? (
        <img src={logoUrl} alt="Your logo as buyers see it" className="h-12 w-auto max-w-[12rem] object-contain" data-testid="logo-preview" />
      ) : (
        <p className="text-sm text-slate-600">No logo yet: buyers see your organization&apos;s name.</p>
      )}
      <ConflictNotice result={upload?.conflict ? upload : removal} />
      <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-3" preventScrollReset>
        <input type="hidden" name="intent" value="upload-logo" />
        <input type="hidden" name="version" value={version} />
        <div>
          <label htmlFor="logo-file" className="label">
            {logoUrl ? "Replace the logo" : "Upload a logo"}
          </label>
          <input
            id="logo-file"
            type="file"
            name="logo"
            accept="image/png,image/jpeg,image/webp"
            required
            className="mt-1 block text-sm"
            aria-describedby={errorsOf(upload, "logo") ? "logo-file-error" : "logo-file-hint"}
          />
          <p id="logo-file-hint" className="mt-1 text-xs text-slate-500">
            PNG, JPEG or WebP, 200 KB at most.
          </p>
          <FieldErrors id="logo-file-error" errors={errorsOf(upload, "logo")} />
          <FormErrors result={upload} />
        </div>
        <Button type="submit" variant="secondary" pending={uploading}>
          Upload logo
        </Button>
      </Form>
      {logoUrl ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="remove-logo" />
          <input type="hidden" name="version" value={version} />
          <Button type="submit" variant="ghost" pending={removing}>
            Remove the logo
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
