import { createRequire } from "node:module";
import { createServer } from "node:net";

// A local push service (the `web-push-testing` package: the protocol of a browser vendor's push
// service; it checks the VAPID signature and decrypts what it receives) on a port of its own,
// for tests that follow a push from the app to the "browser" (integration and e2e).

export type PushServiceSubscription = {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  clientHash: string;
};

type TestingServer = { startServer(): void; _server?: { close(cb: () => void): void } };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

export async function startPushService() {
  const require = createRequire(import.meta.url);
  const { PushApiModel } = require("web-push-testing/src/PushApiModel.js") as {
    PushApiModel: new () => unknown;
  };
  const Server = require("web-push-testing/src/server.js") as new (
    model: unknown,
    port: number,
  ) => TestingServer;
  const port = await freePort();
  const server = new Server(new PushApiModel(), port);
  // The service announces its port on stdout once listening: kept quiet until it answers.
  const log = console.log;
  console.log = () => {};
  server.startServer();
  const base = `http://localhost:${port}`;
  for (let i = 0; i < 50; i++) {
    const up = await fetch(`${base}/status`, { method: "POST" }).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  console.log = log;

  async function post<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    const text = await res.text();
    return (text && text !== "OK" ? JSON.parse(text) : {}) as T;
  }

  return {
    /** A browser's subscription to this service for the app's VAPID public key. */
    async subscribe(applicationServerKey: string) {
      const { data } = await post<{ data: PushServiceSubscription }>("/subscribe", {
        applicationServerKey,
      });
      return data;
    },
    /** The decrypted payloads this subscription received, oldest first. */
    async received(clientHash: string): Promise<unknown[]> {
      const { data } = await post<{ data: { messages: string[] } }>("/get-notifications", {
        clientHash,
      });
      return data.messages.map((m) => JSON.parse(m));
    },
    /** The browser dropped the subscription: the service answers 410 from now on. */
    async expire(clientHash: string) {
      await post(`/expire-subscription/${clientHash}`, {});
    },
    stop: () => new Promise<void>((resolve) => server._server?.close(() => resolve()) ?? resolve()),
  };
}
