// Reference-counted channel subscriptions: any number of components may listen to one channel
// and share one subscription, which ends when the last of them leaves. Holds listeners even
// before a client exists (or while it is being created), and subscribes them once it does.
// No React here, so it is easy to reason about (and to test with a fake client).
// An optional `prepare` step (the event schemas' code) runs at the first app event, not at
// connect: events wait for it in arrival order, and a page that hears nothing never loads it.

export type ChannelListener = (event: string, data: unknown) => void;

/** The part of a pusher-js Channel the hub uses. */
export interface HubChannel {
  bind_global(callback: ChannelListener): unknown;
  unbind_global(callback?: ChannelListener): unknown;
}

/** The part of a pusher-js client the hub uses. */
export interface HubClient {
  subscribe(name: string): HubChannel;
  unsubscribe(name: string): void;
}

type Entry = {
  listeners: Set<ChannelListener>;
  channel: HubChannel | null;
  dispatch: ChannelListener;
};

export type ChannelHubOptions = {
  /**
   * Runs once, at the first app event; every event is delivered only after it has settled (in
   * arrival order, whichever channel it came on). A failure is logged and delivery goes on.
   */
  prepare?: () => Promise<unknown>;
};

export class ChannelHub {
  private client: HubClient | null = null;
  private readonly entries = new Map<string, Entry>();
  private readonly prepare: (() => Promise<unknown>) | undefined;
  /** Events waiting for `prepare`; null once it has settled (events go straight through). */
  private pending: (() => void)[] | null;

  constructor(options: ChannelHubOptions = {}) {
    this.prepare = options.prepare;
    this.pending = options.prepare ? [] : null;
  }

  /** Starts listening to `name`; call the returned function to stop (idempotent). */
  acquire(name: string, listener: ChannelListener): () => void {
    let entry = this.entries.get(name);
    if (!entry) {
      const listeners = new Set<ChannelListener>();
      const created: Entry = {
        listeners,
        channel: null,
        dispatch: (event, data) => {
          // pusher:subscription_succeeded and friends are the protocol's, not the app's.
          if (event.startsWith("pusher:") || event.startsWith("pusher_internal:")) return;
          this.deliver(() => {
            for (const l of [...listeners]) {
              try {
                l(event, data);
              } catch (error) {
                console.error("[realtime] a listener failed", error);
              }
            }
          });
        },
      };
      this.entries.set(name, created);
      this.subscribe(name, created);
      entry = created;
    }
    // A fresh function per call, so the same handler acquired twice counts twice.
    const own: ChannelListener = (event, data) => listener(event, data);
    entry.listeners.add(own);
    const current = entry;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      current.listeners.delete(own);
      if (current.listeners.size === 0 && this.entries.get(name) === current) {
        this.entries.delete(name);
        this.unsubscribe(name, current);
      }
    };
  }

  /** How many listeners share the subscription to `name` (0: not subscribed). */
  listenerCount(name: string): number {
    return this.entries.get(name)?.listeners.size ?? 0;
  }

  /** Connects every wanted channel to this client (and every later one). */
  attach(client: HubClient): void {
    if (this.client === client) return;
    this.detach();
    this.client = client;
    for (const [name, entry] of this.entries) this.subscribe(name, entry);
  }

  /**
   * Subscribes to every channel again, each authorised anew: after the viewer's rights changed (a
   * block), a channel they may no longer hear is refused; listeners stay.
   */
  resubscribeAll(): void {
    for (const [name, entry] of this.entries) {
      this.unsubscribe(name, entry);
      this.subscribe(name, entry);
    }
  }

  /** Drops the client; listeners stay and are subscribed again on the next attach(). */
  detach(): void {
    if (!this.client) return;
    for (const [name, entry] of this.entries) this.unsubscribe(name, entry);
    this.client = null;
  }

  /** Runs `send` now, or after `prepare` has settled (started by the first event). */
  private deliver(send: () => void): void {
    const pending = this.pending;
    if (!pending) {
      send();
      return;
    }
    pending.push(send);
    if (pending.length > 1 || !this.prepare) return;
    const flush = () => {
      this.pending = null;
      for (const queued of pending) queued();
    };
    this.prepare().then(flush, (error: unknown) => {
      console.error("[realtime] preparing for events failed", error);
      flush();
    });
  }

  private subscribe(name: string, entry: Entry): void {
    if (!this.client || entry.channel) return;
    entry.channel = this.client.subscribe(name);
    entry.channel.bind_global(entry.dispatch);
  }

  private unsubscribe(name: string, entry: Entry): void {
    if (!entry.channel) return;
    entry.channel.unbind_global(entry.dispatch);
    entry.channel = null;
    this.client?.unsubscribe(name);
  }
}
