import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cameThroughEdge, ORIGIN_SECRET_HEADER } from "@/lib/http/origin-guard";
import proxy from "@/proxy";

// Behind CloudFront the router writes ORIGIN_SECRET into every request; the server function's own
// URL is public, so a request without the secret came around the CDN and is refused.

const SECRET = "origin-secret-for-the-unit-test-0123456789abcdef";

describe("cameThroughEdge", () => {
  it("lets everything through when no secret is configured", () => {
    expect(cameThroughEdge(new Headers(), undefined)).toBe(true);
    expect(cameThroughEdge(new Headers({ [ORIGIN_SECRET_HEADER]: "x" }), "")).toBe(true);
  });

  it("needs the exact secret once it is configured", () => {
    const with_ = (value: string) => new Headers({ [ORIGIN_SECRET_HEADER]: value });
    expect(cameThroughEdge(new Headers(), SECRET)).toBe(false);
    expect(cameThroughEdge(with_(""), SECRET)).toBe(false);
    expect(cameThroughEdge(with_(SECRET.slice(0, -1)), SECRET)).toBe(false);
    expect(cameThroughEdge(with_(`${SECRET}x`), SECRET)).toBe(false);
    expect(cameThroughEdge(with_(SECRET.toUpperCase()), SECRET)).toBe(false);
    expect(cameThroughEdge(with_(SECRET), SECRET)).toBe(true);
    // The edge sets the header; a viewer's own copy would come second and is never read.
    expect(cameThroughEdge(with_(`guess, ${SECRET}`), SECRET)).toBe(false);
    expect(cameThroughEdge(with_(`${SECRET}, guess`), SECRET)).toBe(true);
  });
});

describe("proxy behind a CDN", () => {
  afterEach(() => vi.unstubAllEnvs());
  const request = (path: string, headers: Record<string, string> = {}, method = "GET") =>
    new NextRequest(`https://snapgram.test${path}`, { method, headers });

  it("answers 403 to pages, API routes and actions without the origin secret", async () => {
    vi.stubEnv("ORIGIN_SECRET", SECRET);
    for (const req of [
      request("/login"),
      request("/api/health"),
      request("/api/feed"),
      request("/ana"),
      request("/", { "next-action": "abc", "x-viewer-address": "203.0.113.9" }, "POST"),
      request("/login", { [ORIGIN_SECRET_HEADER]: "wrong" }),
    ]) {
      const res = await proxy(req);
      expect(res.status, `${req.method} ${req.nextUrl.pathname}`).toBe(403);
      expect(res.headers.get("set-cookie")).toBeNull();
    }
  });

  it("serves requests that carry it, and everything when none is configured", async () => {
    vi.stubEnv("ORIGIN_SECRET", SECRET);
    const through = await proxy(request("/login", { [ORIGIN_SECRET_HEADER]: SECRET }));
    expect(through.status).toBe(200);
    expect(through.headers.get("x-middleware-next")).toBe("1");
    const privatePage = await proxy(request("/explore", { [ORIGIN_SECRET_HEADER]: SECRET }));
    expect(privatePage.status).toBe(307); // to /login, as without a CDN

    vi.stubEnv("ORIGIN_SECRET", "");
    expect((await proxy(request("/login"))).status).toBe(200);
  });
});
