// Which Pusher-protocol server the app talks to, from plain settings (no Next.js), so the app
// (lib/realtime/index.ts), scripts/dev.ts, scripts/realtime-server.ts and tests agree on it.
import { createHmac } from "node:crypto";
import type { RealtimeClientConfig } from "./types";

export const EMBEDDED_APP_ID = "snapgram";
export const EMBEDDED_KEY = "snapgram-key";
export const EMBEDDED_HOST = "127.0.0.1";
const EMBEDDED_SECRET_LABEL = "snapgram/realtime/embedded-app-secret/v1";

/** Settings of a server to publish to and sign channel authorizations for. */
export type PusherServerSettings = {
  appId: string;
  key: string;
  secret: string;
  /** Pusher Channels cluster; set when `host` is not */
  cluster?: string;
  /** host of any Pusher-protocol server (soketi...) */
  host?: string;
  port?: number;
  useTLS: boolean;
};

export type RealtimeSettings =
  | ({ driver: "pusher" } & PusherServerSettings)
  | ({ driver: "embedded" } & PusherServerSettings & { host: string; port: number })
  | { driver: "disabled" };

/** The settings lib/env validates, as plain values. */
export type RealtimeEnv = {
  AUTH_SECRET: string;
  PUSHER_APP_ID?: string;
  PUSHER_KEY?: string;
  PUSHER_SECRET?: string;
  PUSHER_CLUSTER?: string;
  PUSHER_HOST?: string;
  PUSHER_PORT?: number;
  PUSHER_USE_TLS?: boolean;
  REALTIME_PORT: number;
  REALTIME_DISABLED: boolean;
};

/** The embedded server's app secret: an HMAC of a label, so AUTH_SECRET itself signs nothing. */
export function deriveEmbeddedSecret(authSecret: string): string {
  if (authSecret.length < 32) throw new Error("AUTH_SECRET must be 32+ characters");
  return createHmac("sha256", authSecret).update(EMBEDDED_SECRET_LABEL).digest("hex");
}

export function resolveRealtimeSettings(e: RealtimeEnv): RealtimeSettings {
  if (e.REALTIME_DISABLED) return { driver: "disabled" };
  if (e.PUSHER_APP_ID && e.PUSHER_KEY && e.PUSHER_SECRET && (e.PUSHER_HOST || e.PUSHER_CLUSTER)) {
    const base = { appId: e.PUSHER_APP_ID, key: e.PUSHER_KEY, secret: e.PUSHER_SECRET };
    if (e.PUSHER_HOST) {
      return {
        driver: "pusher",
        ...base,
        host: e.PUSHER_HOST,
        port: e.PUSHER_PORT,
        useTLS: e.PUSHER_USE_TLS ?? true,
      };
    }
    return {
      driver: "pusher",
      ...base,
      cluster: e.PUSHER_CLUSTER,
      useTLS: e.PUSHER_USE_TLS ?? true,
    };
  }
  return embeddedSettings(e.AUTH_SECRET, e.REALTIME_PORT);
}

export function embeddedSettings(
  authSecret: string,
  port: number,
): Extract<RealtimeSettings, { driver: "embedded" }> {
  return {
    driver: "embedded",
    appId: EMBEDDED_APP_ID,
    key: EMBEDDED_KEY,
    secret: deriveEmbeddedSecret(authSecret),
    host: EMBEDDED_HOST,
    port,
    useTLS: false,
  };
}

/** The public half of the settings, for the browser. */
export function clientConfigFor(settings: RealtimeSettings): RealtimeClientConfig {
  if (settings.driver === "disabled") {
    return { enabled: false, key: "", cluster: "mt1", wsHost: null, wsPort: null, forceTLS: true };
  }
  if (settings.host) {
    return {
      enabled: true,
      key: settings.key,
      cluster: settings.cluster ?? "mt1",
      wsHost: settings.host,
      wsPort: settings.port ?? (settings.useTLS ? 443 : 80),
      forceTLS: settings.useTLS,
    };
  }
  return {
    enabled: true,
    key: settings.key,
    cluster: settings.cluster ?? "mt1",
    wsHost: null,
    wsPort: null,
    forceTLS: true,
  };
}
