import "server-only";
// Live updates of this process: one publisher and one channel signer, chosen once from lib/env
// and kept on globalThis so dev reloads reuse them (like lib/storage).
import { env } from "@/lib/env";
import type { ChannelSigner } from "./auth";
import { createPublisher, createPusherClient, noopPublisher, type Publisher } from "./publisher";
import { clientConfigFor, type RealtimeSettings, resolveRealtimeSettings } from "./settings";
import type { RealtimeClientConfig } from "./types";

export type { ChannelAuthorization, ChannelSigner } from "./auth";
export { authorizeChannelFor } from "./auth";
export { parseChannel, postChannel, userChannel } from "./channels";
export * from "./events";
export type { OutgoingEvent, Publisher } from "./publisher";
export type { RealtimeSettings } from "./settings";
export type * from "./types";

type Realtime = { settings: RealtimeSettings; publisher: Publisher; signer: ChannelSigner | null };

const store = globalThis as unknown as { __realtime?: Realtime };

/** The realtime settings of this process, read once from lib/env. */
export function realtimeSettings(): RealtimeSettings {
  return resolveRealtimeSettings(env);
}

/** Builds the publisher and signer for plain settings (tests and scripts use it directly). */
export function createRealtime(settings: RealtimeSettings): Realtime {
  if (settings.driver === "disabled") return { settings, publisher: noopPublisher, signer: null };
  const client = createPusherClient(settings);
  return {
    settings,
    publisher: createPublisher(client),
    signer: (socketId, channel) => client.authorizeChannel(socketId, channel),
  };
}

function getRealtime(): Realtime {
  store.__realtime ??= createRealtime(realtimeSettings());
  return store.__realtime;
}

/** Where actions send live events (after their write commits). Never throws. */
export function getPublisher(): Publisher {
  return getRealtime().publisher;
}

/** Signs private channel subscriptions; null when live updates are turned off. */
export function getChannelSigner(): ChannelSigner | null {
  return getRealtime().signer;
}

/**
 * The browser's connection settings, to render into the page at request time (call it from a
 * dynamically rendered layout, never from a statically prerendered one).
 */
export function realtimeClientConfig(): RealtimeClientConfig {
  return clientConfigFor(getRealtime().settings);
}
