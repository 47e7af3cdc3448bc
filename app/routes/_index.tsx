import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getSeller } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return redirect((await getSeller(request)) ? "/deals" : "/login");
}
