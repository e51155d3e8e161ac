import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reservedUsernames } from "@/lib/auth/reserved-usernames";
import { isPublicPath, PRIVATE_TOP_LEVEL } from "@/lib/http/public-paths";

// The proxy's idea of what is public, checked against the pages and routes that exist in app/:
// a new private page, a removed one, or a route whose session rule changed fails here.

const app = path.resolve(import.meta.dirname, "../../app");
const dirs = (dir: string) =>
  readdirSync(path.join(app, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
/** Folders that are URL segments: not (groups), [params] or _private. */
const staticSegments = (dir: string) => dirs(dir).filter((name) => /^[a-z0-9-]+$/.test(name));

/** Every route.ts under app/api, as [URL with sample params, source]. */
function apiRoutes(dir = "api"): [string, string][] {
  const found: [string, string][] = [];
  for (const entry of readdirSync(path.join(app, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...apiRoutes(rel));
    else if (entry.name === "route.ts") {
      const url = `/${dir}`.replace(/\[(\.\.\.)?[^\]]+\]/g, "x1");
      const source = readFileSync(path.join(app, rel), "utf8");
      // A route built by a shared helper next to it (../post-list-route): its options are there.
      const helpers = [...source.matchAll(/from "(\.\.?\/[^"]+)"/g)].map((m) =>
        readFileSync(path.join(app, dir, `${m[1]}.ts`), "utf8"),
      );
      found.push([url, [source, ...helpers].join("\n")]);
    }
  }
  return found;
}

const mainPages = staticSegments("(main)");
const publicMainPages = ["p"];

describe("the private pages of app/(main)", () => {
  it.each(mainPages.filter((s) => !publicMainPages.includes(s)))(
    "/%s and the pages below it need a session",
    (segment) => {
      for (const url of [`/${segment}`, `/${segment}/`, `/${segment.toUpperCase()}`]) {
        expect({ url, public: isPublicPath(url) }).toEqual({ url, public: false });
      }
      for (const below of dirs(`(main)/${segment}`)) {
        expect(isPublicPath(`/${segment}/${below.replace(/^\[.*\]$/, "x1")}`)).toBe(false);
      }
    },
  );

  it("lists no page that does not exist", () => {
    expect([...PRIVATE_TOP_LEVEL].filter((s) => !mainPages.includes(s))).toEqual([]);
  });

  it("keeps posts, profiles and the sign-in pages public", () => {
    expect(isPublicPath("/p/0190a4d2-7c1e-7a2b-8c3d-4e5f60718293")).toBe(true);
    expect(isPublicPath("/ana.lima")).toBe(true);
    expect(isPublicPath("/ana.lima/")).toBe(true);
    expect(isPublicPath("/")).toBe(false);
    for (const segment of staticSegments("(auth)")) expect(isPublicPath(`/${segment}`)).toBe(true);
  });

  it("keeps every top-level segment from being taken as a username", () => {
    const topLevel = [...mainPages, ...staticSegments("(auth)"), ...staticSegments(".")];
    expect(topLevel.filter((s) => !reservedUsernames.has(s))).toEqual([]);
  });
});

describe("the API routes", () => {
  const routes = apiRoutes();

  it("are found", () => {
    expect(routes.map(([url]) => url)).toContain("/api/users/x1/posts");
  });

  it.each(routes.filter(([, source]) => source.includes('viewer: "optional"')))(
    "%s (optional viewer) is open to signed-out visitors",
    (url) => expect(isPublicPath(url)).toBe(true),
  );

  it.each(routes.filter(([, source]) => source.includes('viewer: "required"')))(
    "%s (required viewer) is answered 401 by the proxy when signed out",
    (url) => expect(isPublicPath(url)).toBe(false),
  );
});
