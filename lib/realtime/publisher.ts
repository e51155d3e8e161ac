// Sends live events to the Pusher-protocol server. Live updates are a courtesy on top of writes
// that already committed: a publish never throws, never waits much more than the timeout, and a
// failing server is logged at most once a minute instead of on every like.
import http from "node:http";
import https from "node:https";
import Pusher from "pusher";
import { metric } from "@/lib/observability/metrics";
import type { PusherServerSettings } from "./settings";

export type OutgoingEvent = { channel: string; event: string; payload: unknown };

export interface Publisher {
  /** Publishes one event; resolves (never rejects) once sent, failed or timed out. */
  publish(channel: string, event: string, payload: unknown): Promise<void>;
  /** Publishes several events in as few requests as the server allows (10 per batch). */
  publishMany(events: readonly OutgoingEvent[]): Promise<void>;
}

/** The part of the `pusher` SDK the publisher uses (tests may pass a fake). */
export type PusherTrigger = Pick<Pusher, "trigger" | "triggerBatch">;

export type PublisherOptions = {
  /** Give up on a request after this long (ms). */
  timeoutMs?: number;
  /** Log at most one failure per this many ms. */
  logEveryMs?: number;
  log?: (message: string) => void;
};

const DEFAULT_TIMEOUT_MS = 1500;
const MAX_BATCH = 10;
/** Pusher Channels refuses events larger than 10 KB. */
const MAX_EVENT_BYTES = 10_000;

/** A publisher that drops everything (REALTIME_DISABLED=true). */
export const noopPublisher: Publisher = {
  publish: async () => {},
  publishMany: async () => {},
};

/** The `pusher` server SDK for one server: publishes events and signs channel authorizations. */
export function createPusherClient(s: PusherServerSettings, timeoutMs = DEFAULT_TIMEOUT_MS) {
  const base = {
    appId: s.appId,
    key: s.key,
    secret: s.secret,
    useTLS: s.useTLS,
    timeout: timeoutMs,
    // One warm connection per server instead of a TCP (and TLS) handshake per like.
    agent: s.useTLS ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true }),
  };
  if (s.host) {
    const port = s.port ?? (s.useTLS ? 443 : 80);
    return new Pusher({ ...base, host: s.host, port: String(port) });
  }
  return new Pusher({ ...base, cluster: s.cluster ?? "mt1" });
}

/** Calls `log` for the first failure, then at most once per `everyMs`, counting the rest. */
export function throttledLogger(log: (message: string) => void, everyMs: number) {
  let lastAt = Number.NEGATIVE_INFINITY;
  let skipped = 0;
  return (message: string) => {
    const now = Date.now();
    if (now - lastAt < everyMs) {
      skipped += 1;
      return;
    }
    const more = skipped > 0 ? ` (${skipped} more failures since the last report)` : "";
    lastAt = now;
    skipped = 0;
    log(`${message}${more}`);
  };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { error?: unknown; status?: number }).error;
  const status = (error as Error & { status?: number }).status;
  const detail = cause instanceof Error ? `: ${cause.message}` : status ? ` (HTTP ${status})` : "";
  return `${error.message}${detail}`;
}

function fitsLimit(e: OutgoingEvent): boolean {
  return Buffer.byteLength(JSON.stringify(e.payload) ?? "", "utf8") <= MAX_EVENT_BYTES;
}

export function createPublisher(client: PusherTrigger, options: PublisherOptions = {}): Publisher {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const report = throttledLogger(
    options.log ?? ((m) => console.warn(m)),
    options.logEveryMs ?? 60_000,
  );

  // Races the SDK's own timeout with ours, so a stuck socket or DNS lookup cannot hold a request.
  async function guarded(what: string, send: () => Promise<unknown>): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      timer.unref?.();
    });
    try {
      await Promise.race([send(), timeout]);
    } catch (error) {
      metric("RealtimePublishFailure", 1);
      report(`[realtime] could not publish ${what}: ${describeError(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  function keep(events: readonly OutgoingEvent[]): OutgoingEvent[] {
    return events.filter((e) => {
      if (fitsLimit(e)) return true;
      report(`[realtime] dropped ${e.event} on ${e.channel}: larger than ${MAX_EVENT_BYTES} bytes`);
      return false;
    });
  }

  return {
    async publish(channel, event, payload) {
      const [kept] = keep([{ channel, event, payload }]);
      if (!kept) return;
      await guarded(`${event} on ${channel}`, () => client.trigger(channel, event, payload));
    },
    async publishMany(events) {
      const kept = keep(events);
      const batches: OutgoingEvent[][] = [];
      for (let i = 0; i < kept.length; i += MAX_BATCH) batches.push(kept.slice(i, i + MAX_BATCH));
      await Promise.all(
        batches.map((batch) =>
          guarded(`${batch.length} events`, () =>
            client.triggerBatch(
              batch.map((e) => ({ channel: e.channel, name: e.event, data: e.payload })),
            ),
          ),
        ),
      );
    },
  };
}
