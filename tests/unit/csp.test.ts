import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, cspSources } from "@/lib/http/csp";

const directive = (policy: string, name: string) =>
  policy.split("; ").find((d) => d.startsWith(`${name} `));

describe("the page Content-Security-Policy", () => {
  it("allows scripts by nonce only, and the embedded realtime server", () => {
    const sources = cspSources({
      dev: false,
      appUrl: "http://localhost:3000",
      realtime: { host: "127.0.0.1", port: 6001, tls: false },
    });
    const policy = contentSecurityPolicy("abc123==", sources);
    expect(directive(policy, "script-src")).toBe(
      "script-src 'self' 'nonce-abc123==' 'strict-dynamic'",
    );
    expect(directive(policy, "connect-src")).toBe(
      "connect-src 'self' ws://127.0.0.1:6001 http://127.0.0.1:6001",
    );
    expect(directive(policy, "img-src")).toBe("img-src 'self' data: blob:");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("adds the photo CDN, the bucket for uploads and Pusher Channels in production", () => {
    const sources = cspSources({
      dev: false,
      appUrl: "https://snapgram.example",
      s3: {
        bucket: "photos",
        region: "eu-west-1",
        forcePathStyle: false,
        publicUrl: "https://cdn.snapgram.example/media/",
      },
      realtime: { cluster: "eu", tls: true },
    });
    const policy = contentSecurityPolicy(createNonce(), sources);
    expect(directive(policy, "img-src")).toBe(
      "img-src 'self' data: blob: https://cdn.snapgram.example",
    );
    expect(directive(policy, "connect-src")).toBe(
      "connect-src 'self' https://photos.s3.eu-west-1.amazonaws.com wss://ws-eu.pusher.com https://sockjs-eu.pusher.com",
    );
    expect(policy).toContain("upgrade-insecure-requests");
  });

  it("allows eval in development only (React's error stacks) and a fresh nonce each time", () => {
    const sources = cspSources({ dev: true, appUrl: "http://localhost:3000", realtime: null });
    expect(directive(contentSecurityPolicy("n", sources), "script-src")).toContain("'unsafe-eval'");
    expect(createNonce()).not.toBe(createNonce());
    expect(createNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
