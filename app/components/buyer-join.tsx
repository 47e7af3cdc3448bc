// The pieces of the buyer's way in (app/routes/p.$planId_.join.tsx). Every form posts; every link
// is a plain GET that changes nothing, so the pages work without JavaScript and scanners burn nothing.
import { Form, type FormProps } from "@remix-run/react";
import { AuthCard } from "~/components/auth-card";
import { useAddressWithout } from "~/components/secret-link";
import { Button } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import type { BuyerLinkView } from "~/models/buyer-invitation.server";

type Errors = Record<string, string[]> | undefined;

const linkClass = "text-sm text-brand-700 underline";

export function joinPath(planId: string, query = "") {
  return `/p/${planId}/join${query}`;
}

/** Every form here posts to the page's address without the link's token: a token travels in the body. */
function PostForm(props: Omit<FormProps, "method" | "action">) {
  const action = useAddressWithout(["token"]);
  return <Form method="post" action={action} {...props} />;
}

export function OpenPlanLink({ planId }: { planId: string }) {
  return (
    <p className="text-sm">
      Already opened this plan in this browser?{" "}
      <a href={`/p/${planId}`} className="text-brand-700 underline">
        Go to the plan
      </a>
    </p>
  );
}

export function HaveCodeLink({ planId }: { planId: string }) {
  return (
    <p>
      <a href={joinPath(planId, "?have=code")} className={linkClass}>
        I have a code
      </a>
    </p>
  );
}

export function EmailForm({ email, errors, pending, submitLabel }: { email: string; errors?: Errors; pending: boolean; submitLabel: string }) {
  return (
    <PostForm className="space-y-4">
      <input type="hidden" name="intent" value="request-code" />
      <InputField label="Work email" id="email" name="email" type="email" autoComplete="email" defaultValue={email} required errors={errors?.email} />
      <Button type="submit" className="w-full" pending={pending}>
        {submitLabel}
      </Button>
    </PostForm>
  );
}

function CodeInput({ errors, autoFocus }: { errors?: string[]; autoFocus: boolean }) {
  return (
    <InputField
      label="Code"
      id="code"
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      maxLength={6}
      required
      autoFocus={autoFocus}
      errors={errors}
    />
  );
}

/** After asking for a code: the address is known, only the code is typed. */
export function CodeForm({ email, errors, pending }: { email: string; errors?: Errors; pending: boolean }) {
  return (
    <AuthCard title="Check your email">
      <p className="text-sm text-slate-600">
        If <strong>{email}</strong> can open this plan, or may ask to join it, we sent it a 6-digit code and a link.
      </p>
      <PostForm className="space-y-4">
        <input type="hidden" name="intent" value="verify-code" />
        <input type="hidden" name="email" value={email} />
        <CodeInput errors={errors?.code ?? errors?.email} autoFocus />
        <Button type="submit" className="w-full" pending={pending}>
          Open the plan
        </Button>
      </PostForm>
      <PostForm>
        <input type="hidden" name="intent" value="request-code" />
        <input type="hidden" name="email" value={email} />
        <button className="text-sm text-brand-700 underline">Send a new code</button>
      </PostForm>
    </AuthCard>
  );
}

/** A code from any email about this plan (an invitation, or one asked for earlier), typed on any device. */
export function HaveCodeForm({ planId, email, errors, pending }: { planId: string; email: string; errors?: Errors; pending: boolean }) {
  return (
    <AuthCard title="Enter your code">
      <p className="text-sm text-slate-600">Type the email address the code was sent to, and the 6-digit code from that email.</p>
      <PostForm className="space-y-4">
        <input type="hidden" name="intent" value="verify-code" />
        <InputField label="Work email" id="email" name="email" type="email" autoComplete="email" defaultValue={email} required errors={errors?.email} />
        <CodeInput errors={errors?.code} autoFocus={false} />
        <Button type="submit" className="w-full" pending={pending}>
          Open the plan
        </Button>
      </PostForm>
      <p>
        <a href={joinPath(planId)} className={linkClass}>
          I need a code
        </a>
      </p>
    </AuthCard>
  );
}

/** The emailed link's page: it says whom the link is for, and only the button uses it. */
export function ContinueAs({ planId, token, link, pending }: { planId: string; token: string; link: BuyerLinkView; pending: boolean }) {
  return (
    <AuthCard title="Open the plan">
      {link.planTitle ? (
        <p className="text-slate-700">
          “{link.planTitle}”, the mutual action plan with {link.vendor}.
        </p>
      ) : null}
      <p className="text-sm text-slate-600">
        This {link.invitation ? "invitation" : "link"} is for <strong>{link.forName}</strong>. Everything you do on the plan will show under that name.
      </p>
      <PostForm>
        <input type="hidden" name="intent" value="link" />
        <input type="hidden" name="token" value={token} />
        <Button type="submit" className="w-full" pending={pending}>
          Continue as {link.forName}
        </Button>
      </PostForm>
      <p>
        <a href={joinPath(planId, "?as=someone-else")} className={linkClass}>
          I&apos;m someone else
        </a>
      </p>
    </AuthCard>
  );
}

const ENDED: Record<string, string> = {
  EXPIRED: "has expired",
  USED: "was already used, or a newer one was sent",
  TOO_MANY_ATTEMPTS: "can no longer be used",
};

/** An expired or used link: it names the plan and the vendor, and one press sends a fresh one to the same address. */
export function EndedLink(props: { planId: string; token: string; link: BuyerLinkView; pending: boolean; hasBuyerSession: boolean }) {
  const { link } = props;
  const what = link.invitation ? "invitation" : "link";
  return (
    <AuthCard title={`This ${what} can't be used`}>
      <p className="text-slate-700" role="alert">
        {link.planTitle ? `The ${what} to “${link.planTitle}”, the mutual action plan with ${link.vendor},` : `This ${what}`}{" "}
        {ENDED[link.state] ?? ENDED.TOO_MANY_ATTEMPTS}.
      </p>
      <PostForm className="space-y-2">
        <input type="hidden" name="intent" value="renew" />
        <input type="hidden" name="token" value={props.token} />
        <Button type="submit" className="w-full" pending={props.pending}>
          Send me a new link
        </Button>
        <p className="text-sm text-slate-600">It goes to the address this {what} was sent to.</p>
      </PostForm>
      <p>
        <a href={joinPath(props.planId, "?as=someone-else")} className={linkClass}>
          Open the plan with my own email instead
        </a>
      </p>
      {props.hasBuyerSession ? <OpenPlanLink planId={props.planId} /> : null}
    </AuthCard>
  );
}

export function Notice({ title, children, alert = false }: { title: string; children: string; alert?: boolean }) {
  return (
    <AuthCard title={title}>
      <p className="text-slate-700" role={alert ? "alert" : undefined}>
        {children}
      </p>
    </AuthCard>
  );
}
