import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/http/body-limit";

// Headers of every response. The Content-Security-Policy of pages carries a per-request nonce, so
// proxy.ts sets it (lib/http/csp.ts). HSTS only in production: browsers would otherwise pin
// https on localhost for two years.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  },
  ...(process.env.NODE_ENV === "production"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  // `next dev` serves its scripts and HMR only to the host it was started for (localhost):
  // opened at http://127.0.0.1:3000 or [::1] the page would never hydrate. Loopback only.
  allowedDevOrigins: ["127.0.0.1", "localhost", "[::1]", "::1"],
  experimental: {
    // The default (1 MB), stated: proxy.ts answers bigger action bodies 413 (lib/http/body-limit).
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
  },
  // Native / WASM packages load from node_modules at run time instead of being bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "rate-limiter-flexible",
    "drizzle-orm",
    "postgres",
    "nodemailer",
  ],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The service worker is checked for updates on every navigation, never from a cache.
      {
        source: "/sw.js",
        headers: [
          { key: "Cache-Control", value: "no-cache, no-store, must-revalidate" },
          { key: "Content-Type", value: "application/javascript; charset=utf-8" },
          { key: "Content-Security-Policy", value: "default-src 'self'; script-src 'self'" },
        ],
      },
    ];
  },
};

export default nextConfig;
