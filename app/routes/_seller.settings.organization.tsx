// The organization's settings and the branding its buyers see: admins only (403 for anyone else,
// page and actions alike). Every form posts here; the logo comes as a multipart upload.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { BrandingPanel } from "~/components/settings/branding-panel";
import { OrganizationForm } from "~/components/settings/organization-form";
import { NoticeProvider } from "~/components/plan-editor/notice";
import { LOGO_MAX_BYTES } from "~/domain/logo";
import { AccentColourSchema, OrganizationSettingsSchema, RemoveAccentSchema, RemoveLogoSchema, TIMEZONES } from "~/forms/organization";
import type { IntentResult } from "~/forms/intent";
import type { SellerActor } from "~/models/actor.server";
import { getOrganizationSettings, removeLogo, saveLogo, updateAccentColour, updateOrganizationSettings } from "~/models/organization-settings.server";
import { requireAdmin } from "~/utils/auth.server";
import { takeNotice } from "~/utils/flash.server";
import { runIntent, unknownIntent } from "~/utils/intent.server";
import { UnreadableUploadError, fileBytes, readMultipartForm } from "~/utils/multipart.server";
import { clientIp } from "~/utils/rate-limit.server";
import { readForm } from "~/utils/form-data.server";

const PAGE = "/settings/organization";

export const meta: MetaFunction = () => [{ title: "Organization settings · Mutual" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const [{ settings, logoUrl }, { notice, headers }] = await Promise.all([getOrganizationSettings(admin), takeNotice(request)]);
  // A zone stored before this runtime's list knew it stays choosable.
  const timezones = TIMEZONES.includes(settings.timezone) ? TIMEZONES : [settings.timezone, ...TIMEZONES];
  return data({ settings, logoUrl, timezones, notice }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const ip = clientIp(context);
  if (/^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) return uploadLogo(request, admin, ip);
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "update-settings":
      return runIntent(form, OrganizationSettingsSchema, "update-settings", PAGE, async (value) => {
        await updateOrganizationSettings(admin, value, ip);
        return { anchor: "organization" };
      });
    case "update-accent":
      return runIntent(form, AccentColourSchema, "update-accent", PAGE, async (value) => {
        await updateAccentColour(admin, value.accentColor, value.version, ip);
        return { anchor: "branding" };
      });
    case "remove-accent":
      return runIntent(form, RemoveAccentSchema, "remove-accent", PAGE, async (value) => {
        await updateAccentColour(admin, null, value.version, ip);
        return { anchor: "branding", message: "Back to the default colour" };
      });
    case "remove-logo":
      return runIntent(form, RemoveLogoSchema, "remove-logo", PAGE, async (value) => {
        await removeLogo(admin, value.version, ip);
        return { anchor: "branding", message: "Logo removed" };
      });
    default:
      return unknownIntent();
  }
}

// The whole body may hold the file, the version and the multipart framing: a little over the logo's own limit.
const UPLOAD_MAX_BYTES = LOGO_MAX_BYTES + 16 * 1024;

async function uploadLogo(request: Request, admin: SellerActor, ip: string) {
  let posted: FormData;
  try {
    posted = await readMultipartForm(request, UPLOAD_MAX_BYTES);
  } catch (error) {
    if (!(error instanceof UnreadableUploadError)) throw error;
    const message = error.reason === "too-large" ? "The logo can be 200 KB at most" : "The upload could not be read. Choose the file again.";
    return data<IntentResult>({ formId: "upload-logo", result: { status: "error", error: { logo: [message] } } }, { status: 400 });
  }
  const bytes = await fileBytes(posted, "logo");
  // The file stays out of the answer: only the version goes through the form's schema.
  const fields = new FormData();
  fields.set("version", String(posted.get("version") ?? ""));
  return runIntent(fields, z.object({ version: RemoveLogoSchema.shape.version }), "upload-logo", PAGE, async (value) => {
    await saveLogo(admin, bytes, value.version, ip);
    return { anchor: "branding", message: "Logo saved" };
  });
}

export default function OrganizationSettingsPage() {
  const { settings, logoUrl, timezones, notice } = useLoaderData<typeof loader>();
  return (
    <NoticeProvider value={notice}>
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">Organization</h1>
        <OrganizationForm settings={settings} timezones={timezones} />
        <BrandingPanel settings={settings} logoUrl={logoUrl} />
      </div>
    </NoticeProvider>
  );
}
