"use client";

import { Button } from "@/components/ui/button";
import { useInstallPrompt } from "./install-prompt";

/** Settings' "App" card: install Snapgram on this device, in the way this browser allows. */
export function InstallApp() {
  const { state, install } = useInstallPrompt();
  if (state === "installed") {
    return <p className="text-sm">Snapgram is installed on this device.</p>;
  }
  if (state === "available") {
    return (
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-neutral-600 dark:text-neutral-300">
          Open Snapgram from your home screen, full screen, like any other app.
        </p>
        <Button type="button" onClick={() => void install()} className="shrink-0">
          Install app
        </Button>
      </div>
    );
  }
  return (
    <p className="text-sm text-neutral-600 dark:text-neutral-300">
      {state === "ios"
        ? "To install Snapgram, tap the Share button, then “Add to Home Screen”."
        : "To install Snapgram, choose “Install app” or “Add to Home screen” in your browser's menu."}
    </p>
  );
}
