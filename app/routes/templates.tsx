import { redirect } from "@remix-run/node";

// Templates live under settings; an old or guessed address still finds them.
export function loader() {
  return redirect("/settings/templates");
}
