"use client";

import { useSyncExternalStore } from "react";

// Chromium offers installation once, early, with a `beforeinstallprompt` event: it is kept here
// from the first page on (the root layout listens), so Settings can offer "Install app" later.

type InstallPromptEvent = Event & {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
};

export type InstallState = "installed" | "available" | "ios" | "browser-menu";

let deferred: InstallPromptEvent | null = null;
let installed = false;
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of listeners) l();
};

/** Starts listening for the browser's install offer; returns the cleanup. */
export function listenForInstallPrompt(): () => void {
  const onPrompt = (e: Event) => {
    e.preventDefault(); // our own button asks, from Settings
    deferred = e as InstallPromptEvent;
    emit();
  };
  const onInstalled = () => {
    deferred = null;
    installed = true;
    emit();
  };
  window.addEventListener("beforeinstallprompt", onPrompt);
  window.addEventListener("appinstalled", onInstalled);
  return () => {
    window.removeEventListener("beforeinstallprompt", onPrompt);
    window.removeEventListener("appinstalled", onInstalled);
  };
}

function currentState(): InstallState {
  const standalone =
    window.matchMedia("(display-mode: standalone)").matches ||
    (navigator as Navigator & { standalone?: boolean }).standalone === true;
  if (installed || standalone) return "installed";
  if (deferred) return "available";
  const ua = navigator.userAgent;
  const ios =
    /iphone|ipad|ipod/i.test(ua) || (/macintosh/i.test(ua) && navigator.maxTouchPoints > 1);
  return ios ? "ios" : "browser-menu";
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** Whether and how this device can install the app, and the action that asks the browser. */
export function useInstallPrompt(): { state: InstallState; install: () => Promise<boolean> } {
  const state = useSyncExternalStore(subscribe, currentState, () => "browser-menu" as const);
  const install = async () => {
    const event = deferred;
    if (!event) return false;
    deferred = null;
    await event.prompt();
    const { outcome } = await event.userChoice;
    emit();
    return outcome === "accepted";
  };
  return { state, install };
}
