// Browsers ask for /favicon.ico whatever the page links; send them to the SVG icon.
import { redirect } from "@remix-run/node";

export function loader() {
  return redirect("/favicon.svg", { status: 301 });
}
