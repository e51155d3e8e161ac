import { env } from "@/lib/env";
import { clientAddress } from "./client-address";

// The client's address for rate limits, taken only from what this deployment's own proxy or
// server wrote (TRUSTED_PROXY_HOPS, CLIENT_IP_HEADER; see client-address.ts and .env.example).
// "unknown" when that is missing. A client can never choose the address its attempts count on.
export function clientIp(headers: Headers): string {
  return clientAddress(headers, {
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
    clientIpHeader: env.CLIENT_IP_HEADER,
  });
}
