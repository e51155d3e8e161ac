// Pure parts of clientIp (lib/auth/ip.ts): which address a request came from, given the settings.
// Free of env and Next.js so unit tests can feed it spoofed headers.

/** Set by the app's own Node server from the TCP socket (lib/auth/socket-address.ts). */
export const SOCKET_ADDRESS_HEADER = "x-snapgram-socket-address";

export interface ClientAddressSettings {
  /** Proxies in front of the app that each append to X-Forwarded-For (0: none). */
  trustedProxyHops: number;
  /** A header that the deployment's own edge sets to the viewer's address (wins when set). */
  clientIpHeader?: string;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * One address as written by a proxy, or null: "1.2.3.4", "1.2.3.4:5678", "::1", "[::1]:443",
 * "::ffff:1.2.3.4" (an IPv4 client of a dual-stack socket) and "fe80::1%eth0" are understood.
 */
export function normalizeAddress(raw: string | null | undefined): string | null {
  let value = raw?.trim() ?? "";
  if (value.length === 0 || value.length > 64) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.toLowerCase().replace(/%[\w.-]+$/, "");
  const mapped = /^::ffff:([\d.]+)$/.exec(value);
  if (mapped?.[1]) value = mapped[1];
  if (IPV4.test(value)) return value;
  if (isIpv6(value)) return value;
  // CloudFront-Viewer-Address writes an IPv6 viewer as "2001:db8::1:443" (no brackets).
  const lastColon = value.lastIndexOf(":");
  if (lastColon > 0 && /^\d{1,5}$/.test(value.slice(lastColon + 1))) {
    const withoutPort = value.slice(0, lastColon);
    if (isIpv6(withoutPort)) return withoutPort;
  }
  return null;
}

function isIpv6(value: string): boolean {
  if (!/^[0-9a-f:.]+$/.test(value) || !value.includes(":")) return false;
  const halves = value.split("::");
  if (halves.length > 2) return false;
  let groups = halves.flatMap((h) => (h === "" ? [] : h.split(":")));
  const last = groups.at(-1) ?? "";
  let count = groups.length;
  if (last.includes(".")) {
    if (!IPV4.test(last)) return false;
    groups = groups.slice(0, -1);
    count += 1; // an embedded IPv4 address fills two groups
  }
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? count < 8 : count === 8;
}

/**
 * The client's address, taken only from what this deployment's own parts wrote:
 * - `clientIpHeader`: the edge (e.g. a CloudFront viewer-request function) overwrites that header
 *   on every request, so its value is the viewer's address whatever the client sent.
 * - `trustedProxyHops` = N > 0: each of the N proxies appends the address it saw to
 *   X-Forwarded-For, so the N-th entry from the right is what the outermost trusted proxy saw.
 *   Entries to its left were written by the client and are never read.
 * - 0 hops: the TCP peer, as recorded by our Node server in SOCKET_ADDRESS_HEADER (it overwrites
 *   any copy the client sent). X-Forwarded-For is not read at all: Next.js's server only fills it
 *   from the socket when the request has none (`??=` in next/dist/server/base-server.js), so with
 *   no proxy its value is whatever the client wrote.
 * "unknown" when the expected header is missing or does not hold an address.
 */
export function clientAddress(headers: Headers, settings: ClientAddressSettings): string {
  if (settings.clientIpHeader) {
    // Only the first value: a forged second copy of the header is appended after ours.
    const value = headers.get(settings.clientIpHeader)?.split(",")[0];
    return normalizeAddress(value) ?? "unknown";
  }
  const hops = settings.trustedProxyHops;
  if (hops <= 0) return normalizeAddress(headers.get(SOCKET_ADDRESS_HEADER)) ?? "unknown";
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim());
  if (chain.length < hops || chain[0] === "") return "unknown";
  return normalizeAddress(chain[chain.length - hops]) ?? "unknown";
}
