import { useEffect } from "react";
import { useNavigation, useRevalidator } from "@remix-run/react";

/**
 * Picks up other people's changes while the page is open by re-running its loaders every
 * `intervalMs` while the tab is visible and idle. Forms are uncontrolled and keyed by id, so a
 * refresh updates what is shown without touching what someone is typing.
 */
export function useLiveUpdates(intervalMs = 10_000) {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const idle = navigation.state === "idle" && revalidator.state === "idle";

  useEffect(() => {
    if (!idle) return;
    const refresh = () => {
      if (document.visibilityState === "visible") revalidator.revalidate();
    };
    const timer = window.setInterval(refresh, intervalMs);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [idle, intervalMs, revalidator]);
}
