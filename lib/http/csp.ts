// The Content-Security-Policy of every page, with a fresh nonce per request (set by proxy.ts).
// Next.js reads the nonce from the request's CSP header while rendering and puts it on its own
// scripts; 'strict-dynamic' lets those load the rest of the bundle. Pure: settings in, text out.

/** The settings the policy depends on (see lib/env.ts). */
export type CspSettings = {
  dev: boolean;
  /** The app's own URL: an https one adds upgrade-insecure-requests. */
  appUrl: string;
  /** S3 storage, when configured: images load from its public base, uploads PUT to the bucket. */
  s3?: {
    bucket: string;
    region: string;
    endpoint?: string;
    forcePathStyle: boolean;
    publicUrl?: string;
  };
  /** Where pusher-js connects; null when live updates are off. */
  realtime: { host: string; port: number; tls: boolean } | { cluster: string; tls: boolean } | null;
};

/** A nonce for one response: 16 random bytes, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

const origin = (url: string) => new URL(url).origin;

/** Where photos load from and where browsers PUT uploads, for S3 storage. */
function storageSources(s3: NonNullable<CspSettings["s3"]>) {
  const { bucket, region, endpoint, forcePathStyle } = s3;
  let upload: string[];
  if (endpoint) {
    const url = new URL(endpoint);
    upload = forcePathStyle ? [url.origin] : [`${url.protocol}//${bucket}.${url.host}`];
  } else {
    upload = [
      forcePathStyle
        ? `https://s3.${region}.amazonaws.com`
        : `https://${bucket}.s3.${region}.amazonaws.com`,
    ];
  }
  const images = s3.publicUrl ? [origin(s3.publicUrl)] : upload;
  return { images, upload };
}

/** The Pusher-protocol server's WebSocket (and HTTP fallback) origins. */
function realtimeSources(realtime: CspSettings["realtime"]): string[] {
  if (!realtime) return [];
  if ("cluster" in realtime) {
    return [
      `wss://ws-${realtime.cluster}.pusher.com`,
      `https://sockjs-${realtime.cluster}.pusher.com`,
    ];
  }
  const { host, port, tls } = realtime;
  const hostPort = port === (tls ? 443 : 80) ? host : `${host}:${port}`;
  return tls
    ? [`wss://${hostPort}`, `https://${hostPort}`]
    : [`ws://${hostPort}`, `http://${hostPort}`];
}

/** The sources of a policy, computed once per process (they depend on settings only). */
export function cspSources(settings: CspSettings) {
  const storage = settings.s3 ? storageSources(settings.s3) : { images: [], upload: [] };
  return {
    img: unique(["'self'", "data:", "blob:", ...storage.images]),
    connect: unique(["'self'", ...storage.upload, ...realtimeSources(settings.realtime)]),
    upgrade: settings.appUrl.startsWith("https://"),
    dev: settings.dev,
  };
}

export type CspSources = ReturnType<typeof cspSources>;

const unique = (list: string[]) => [...new Set(list)];

/** The header value for one response. */
export function contentSecurityPolicy(nonce: string, sources: CspSources): string {
  const directives = [
    "default-src 'self'",
    // React (dev only) evaluates code to rebuild server error stacks in the browser.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${sources.dev ? " 'unsafe-eval'" : ""}`,
    // Style attributes (React's style={...}: photo placeholders, aspect ratios, progress bars)
    // cannot carry a nonce, and a nonce in style-src would turn 'unsafe-inline' off. Styles run
    // no code; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${sources.img.join(" ")}`,
    "font-src 'self'",
    `connect-src ${sources.connect.join(" ")}`,
    "media-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (sources.upgrade) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}
