import http from "node:http";
import { SOCKET_ADDRESS_HEADER } from "./client-address";

// Route handlers and server actions see headers only, never the TCP socket, and the
// X-Forwarded-For that Next.js fills from the socket is kept as the client sent it when present.
// So the app's Node server (next start / next dev) writes the socket's address into a header of
// its own on every request, overwriting any copy the client sent, before Next.js reads the
// headers. Installed once from instrumentation.ts; on Lambda (no http.Server) it does nothing and
// the deployment sets CLIENT_IP_HEADER instead.

const marker = Symbol.for("snapgram.socketAddressHook");

export function installSocketAddressHook(): void {
  const proto = http.Server.prototype as http.Server & { [marker]?: true };
  if (proto[marker]) return;
  proto[marker] = true;
  // EventEmitter's own emit, typed loosely: http.Server's overloads list each event's arguments.
  const emit = proto.emit as (
    this: http.Server,
    event: string | symbol,
    ...args: unknown[]
  ) => boolean;
  proto.emit = function emitWithSocketAddress(
    this: http.Server,
    event: string | symbol,
    ...args: unknown[]
  ): boolean {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[SOCKET_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}
