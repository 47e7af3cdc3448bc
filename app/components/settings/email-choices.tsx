// The ticked boxes of email choices, the same on the settings page and on the page an email's
// "Choose which emails you get" link opens: what each kind is, whether it is on, and whether that
// is the person's own choice or the default.
import { FieldErrors } from "~/components/ui/field";

export interface EmailChoiceView {
  kind: string;
  label: string;
  on: boolean;
  ownChoice: boolean | null;
  onByDefault: boolean;
}

function whose(choice: EmailChoiceView, defaultName: string): string {
  const byDefault = choice.onByDefault ? "on" : "off";
  return choice.ownChoice === null ? `${defaultName[0].toUpperCase()}${defaultName.slice(1)}: ${byDefault}` : `Your choice (${defaultName}: ${byDefault})`;
}

/** `defaultName`: what decides when the person made no choice, e.g. "your organization's default". */
export function EmailChoiceBoxes({ choices, defaultName, errors }: { choices: EmailChoiceView[]; defaultName: string; errors?: string[] }) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-700">Email me about</legend>
      {choices.map((choice) => (
        <label key={choice.kind} className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="on" value={choice.kind} defaultChecked={choice.on} className="mt-0.5" />
          <span>
            {choice.label}
            <span className="block text-xs text-slate-500">{whose(choice, defaultName)}</span>
          </span>
        </label>
      ))}
      <FieldErrors errors={errors} />
      <p className="text-sm text-slate-600">
        <span className="font-medium">Always sent:</span> sign-in codes and links, and invitations. They cannot be turned off.
      </p>
    </fieldset>
  );
}
