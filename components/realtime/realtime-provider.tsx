"use client";

import { useQueryClient } from "@tanstack/react-query";
import type Pusher from "pusher-js";
import {
  createContext,
  type ReactNode,
  startTransition,
  use,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { afterLoadAndIdle } from "@/components/ui/after-load";
import { REALTIME_AUTH_ENDPOINT, userChannel } from "@/lib/realtime/channels";
import type { RealtimeClientConfig } from "@/lib/realtime/types";
import { ChannelHub } from "./channel-hub";
import { loadEventContract, parseUserEvent } from "./event-contract";

// The only place that touches pusher-js. Components use the hooks of components/realtime/.

export type RealtimeState = "connected" | "connecting" | "unavailable";

type RealtimeContextValue = {
  hub: ChannelHub;
  state: RealtimeState;
  enabled: boolean;
  viewerId: string | null;
};

const RealtimeContext = createContext<RealtimeContextValue | null>(null);

// One client and one hub per tab, shared across remounts of the provider (layout changes, React's
// dev double effects): the client is closed only when no provider has used it for a moment. The
// event schemas (zod) load at the first event the tab hears, not with the page or the client.
const hub = new ChannelHub({ prepare: loadEventContract });
let shared: { signature: string; client: Promise<Pusher>; users: number } | null = null;
let closeTimer: ReturnType<typeof setTimeout> | undefined;

/** Lets the browser paint and handle input before going on (scheduler.yield where there is one). */
function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function createClient(config: RealtimeClientConfig): Promise<Pusher> {
  // pusher-js comes after the page has loaded and gone idle (afterLoadAndIdle). Its module runs in one
  // task and the client is made in the next, so neither is a long task on a slow phone.
  const { default: PusherClient } = await import("pusher-js");
  await yieldToMain();
  const self = config.wsHost
    ? {
        wsHost: config.wsHost,
        wsPort: config.wsPort ?? 80,
        wssPort: config.wsPort ?? 443,
        enabledTransports: config.forceTLS ? ["wss" as const] : ["ws" as const],
      }
    : {};
  return new PusherClient(config.key, {
    cluster: config.cluster,
    forceTLS: config.forceTLS,
    ...self,
    channelAuthorization: { endpoint: REALTIME_AUTH_ENDPOINT, transport: "ajax" },
  });
}

function acquireClient(config: RealtimeClientConfig): Promise<Pusher> {
  clearTimeout(closeTimer);
  const signature = JSON.stringify(config);
  if (shared && shared.signature !== signature) closeClient();
  shared ??= { signature, client: createClient(config), users: 0 };
  shared.users += 1;
  return shared.client;
}

function closeClient() {
  const closing = shared;
  shared = null;
  hub.detach();
  void closing?.client.then((c) => c.disconnect()).catch(() => {});
}

function releaseClient() {
  if (!shared) return;
  shared.users -= 1;
  if (shared.users > 0) return;
  clearTimeout(closeTimer);
  closeTimer = setTimeout(() => {
    if (shared && shared.users === 0) closeClient();
  }, 1000);
}

function toState(pusherState: string): RealtimeState {
  if (pusherState === "connected") return "connected";
  if (pusherState === "initialized" || pusherState === "connecting") return "connecting";
  return "unavailable";
}

type RealtimeProviderProps = {
  /** from realtimeClientConfig() (lib/realtime), rendered by a server layout */
  config: RealtimeClientConfig;
  /** the signed-in viewer: their private notification channel is kept subscribed */
  viewerId?: string | null;
  children: ReactNode;
};

export function RealtimeProvider({ config, viewerId = null, children }: RealtimeProviderProps) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<RealtimeState>(config.enabled ? "connecting" : "unavailable");
  const { enabled, key, cluster, wsHost, wsPort, forceTLS } = config;

  useEffect(() => {
    if (!enabled) return;
    const current: RealtimeClientConfig = { enabled, key, cluster, wsHost, wsPort, forceTLS };
    let active = true;
    let everConnected = false;
    let lost = false;
    let client: Pusher | null = null;
    const onChange = ({ current: next }: { current: string }) => {
      const mapped = toState(next);
      if (mapped === "connected") {
        // Events published while the socket was down are lost: refetch what is on screen.
        if (lost) void queryClient.invalidateQueries({ refetchType: "active" });
        everConnected = true;
        lost = false;
      } else if (everConnected) {
        lost = true;
      }
      // A transition: the lists that stop or start polling re-render in short slices, not in one
      // long task in the middle of the page's first second (the socket connects right after load).
      startTransition(() => setState(mapped));
    };
    let acquired = false;
    const cancelStart = afterLoadAndIdle(() => {
      acquired = true;
      acquireClient(current)
        .then(async (c) => {
          if (!active) return;
          client = c;
          // Subscribing every channel the page listens to is a task of its own, too.
          await yieldToMain();
          if (!active) return;
          hub.attach(c);
          c.connection.bind("state_change", onChange);
          onChange({ current: c.connection.state });
        })
        .catch((error: unknown) => {
          console.warn("[realtime] live updates unavailable", error);
          if (active) setState("unavailable");
        });
    });
    return () => {
      active = false;
      cancelStart();
      client?.connection.unbind("state_change", onChange);
      if (acquired) releaseClient();
    };
  }, [enabled, key, cluster, wsHost, wsPort, forceTLS, queryClient]);

  useEffect(() => {
    if (!viewerId || !enabled) return;
    return hub.acquire(userChannel(viewerId), (event, data) => {
      // A block (either way): every channel is authorised again and what is on screen refetched,
      // so a post the viewer may no longer see stops being live and its lists answer as missing.
      if (event === "channels.reauthorize" && parseUserEvent(event, data)) {
        hub.resubscribeAll();
        void queryClient.invalidateQueries({ refetchType: "active" });
      }
    });
  }, [viewerId, enabled, queryClient]);

  const value = useMemo(
    () => ({ hub, state: enabled ? state : ("unavailable" as const), enabled, viewerId }),
    [state, enabled, viewerId],
  );
  return <RealtimeContext value={value}>{children}</RealtimeContext>;
}

let warnedMissing = false;

/** The provider's value; null (and one warning in development) when there is none above. */
function useRealtimeContext(): RealtimeContextValue | null {
  const value = use(RealtimeContext);
  if (!value && !warnedMissing && process.env.NODE_ENV === "development") {
    warnedMissing = true;
    console.warn("[realtime] no <RealtimeProvider> above: live updates are off here");
  }
  return value;
}

/** Connection state for indicators and fallbacks (`unavailable` when live updates are off). */
export function useRealtimeStatus(): { state: RealtimeState; enabled: boolean } {
  const value = useRealtimeContext();
  return value
    ? { state: value.state, enabled: value.enabled }
    : { state: "unavailable", enabled: false };
}

/** The viewer whose private channel the provider holds (null when signed out). */
export function useRealtimeViewer(): string | null {
  return useRealtimeContext()?.viewerId ?? null;
}

export type ChannelHandlers = Record<string, (data: unknown) => void>;

/**
 * Listens to `channelName` (null: not now) while mounted. Handlers may change on every render
 * without resubscribing; components on the same channel share one subscription.
 */
export function useChannel(channelName: string | null, handlers: ChannelHandlers): void {
  const channelHub = useRealtimeContext()?.hub ?? null;
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });
  useEffect(() => {
    if (!channelName || !channelHub) return;
    return channelHub.acquire(channelName, (event, data) => {
      const handler = handlersRef.current[event];
      if (handler) handler(data);
    });
  }, [channelHub, channelName]);
}
