import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { clientIp } from "~/utils/rate-limit.server";
import { endSession } from "~/utils/session.server";

export async function loader() {
  // Signing out is a POST: a prefetch or a scanner must not end someone's session.
  return redirect("/deals");
}

export async function action({ request, context }: ActionFunctionArgs) {
  return endSession(request, "/login", "SELLER", { ip: clientIp(context) });
}
