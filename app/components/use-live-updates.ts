import { useEffect } from "react";
import { useNavigation, useRevalidator } from "@remix-run/react";

/**
 * Picks up other people's changes while the page is open. Every `intervalMs`, while the tab is
 * visible and idle, it asks `changesUrl` whether the page's `changeTag` still holds: a 304 costs
 * one small read; only a new tag re-runs the page's loaders. Forms are uncontrolled and keyed by
 * id, so a refresh updates what is shown without touching what someone is typing.
 */
export function useLiveUpdates(changesUrl: string, changeTag: string, intervalMs = 10_000) {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const idle = navigation.state === "idle" && revalidator.state === "idle";
  useEffect(() => {
    if (!idle) return;
    let asking = false;
    const refresh = async () => {
      if (document.visibilityState !== "visible" || asking) return;
      asking = true;
      try {
        const answer = await fetch(changesUrl, { headers: { "If-None-Match": changeTag }, cache: "no-store" });
        if (answer.status !== 304) revalidator.revalidate();
      } catch {
        // Offline for a moment: the next tick asks again.
      } finally {
        asking = false;
      }
    };
    const timer = window.setInterval(refresh, intervalMs);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [idle, intervalMs, revalidator, changesUrl, changeTag]);
}
