import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth";
import { apiRoute } from "@/lib/http/api-route";
import { fail } from "@/lib/result";

const viewer: { value: CurrentUser | null } = { value: null };
vi.mock("@/lib/auth", () => ({ getCurrentUser: async () => viewer.value }));

const ana = { id: "u1", username: "ana", name: "Ana", role: "user" } as unknown as CurrentUser;
const request = (query = "") => new NextRequest(`http://app.test/api/list${query}`);
const page = { items: [{ id: "a" }], nextCursor: null };

/** A `GET ?cursor=` list route with an optional viewer whose body is `load`. */
const listRoute = (load: (cursor: string | undefined) => Promise<object | null>) =>
  apiRoute({ label: "test", viewer: "optional", cursor: true }, ({ cursor }) => load(cursor));

beforeEach(() => {
  viewer.value = null;
});

describe("apiRoute as a GET ?cursor= list route", () => {
  it("answers the page as private JSON and passes the cursor on", async () => {
    const load = vi.fn(async () => page);
    const response = await listRoute(load)(request("?cursor=abc_DEF-1"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual(page);
    expect(load).toHaveBeenCalledWith("abc_DEF-1");
  });

  it.each(["?cursor=%27%3B%20drop", "?cursor=a%20b", `?cursor=${"x".repeat(300)}`])(
    "refuses a malformed cursor %s with a 400 before any query",
    async (query) => {
      const load = vi.fn(async () => page);
      const response = await listRoute(load)(request(query));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        ok: false,
        code: "VALIDATION",
        message: "Invalid cursor.",
      });
      expect(load).not.toHaveBeenCalled();
    },
  );

  it("maps a cursor the query refused to 400 and a failure to its status", async () => {
    expect((await listRoute(async () => null)(request("?cursor=zz"))).status).toBe(400);
    const missing = await listRoute(async () => fail("NOT_FOUND", "This account doesn't exist."))(
      request(),
    );
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBeNull();
    expect(await missing.json()).toEqual({
      ok: false,
      code: "NOT_FOUND",
      message: "This account doesn't exist.",
    });
    const signedOut = await listRoute(async () => fail("UNAUTHENTICATED", "Sign in to continue."))(
      request(),
    );
    expect(signedOut.status).toBe(401);
  });

  it("answers a generic 500 without the error's details when the query throws", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await listRoute(async () => {
      throw new Error("relation secret_table does not exist");
    })(request());
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      ok: false,
      code: "INTERNAL",
      message: "Something went wrong. Please try again.",
    });
    expect(errors).toHaveBeenCalledWith("test failed", expect.any(Error));
    errors.mockRestore();
  });

  it("ignores ?cursor= on a route that does not page", async () => {
    const route = apiRoute({ label: "test", viewer: "optional" }, async ({ cursor }) => ({
      cursor: cursor ?? "none",
    }));
    expect(await (await route(request("?cursor=%27"))).json()).toEqual({ cursor: "none" });
  });
});

describe("apiRoute's viewer", () => {
  it("answers 401 signed out when required, before the body runs", async () => {
    const body = vi.fn(async () => page);
    const route = apiRoute({ label: "test", viewer: "required" }, body);
    const response = await route(request());
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      ok: false,
      code: "UNAUTHENTICATED",
      message: "Sign in to continue.",
    });
    expect(body).not.toHaveBeenCalled();
  });

  it("gives the body the signed-in viewer, or null when optional", async () => {
    const required = apiRoute({ label: "test", viewer: "required" }, async ({ viewer }) => ({
      id: viewer.id,
    }));
    const optional = apiRoute({ label: "test", viewer: "optional" }, async ({ viewer }) => ({
      id: viewer?.id ?? null,
    }));
    expect(await (await optional(request())).json()).toEqual({ id: null });
    viewer.value = ana;
    expect(await (await required(request())).json()).toEqual({ id: "u1" });
    expect(await (await optional(request())).json()).toEqual({ id: "u1" });
  });

  it("checks the cursor first, then the path's params, then the session", async () => {
    const route = apiRoute<{ tag: string }>(
      {
        label: "test",
        viewer: "required",
        cursor: true,
        check: ({ tag }) => (tag === "ok" ? null : fail("NOT_FOUND", "Tag not found.")),
      },
      async ({ params }) => ({ tag: params.tag }),
    );
    const call = (query: string, tag: string) =>
      route(request(query), { params: Promise.resolve({ tag }) });
    expect((await call("?cursor=%27", "bad")).status).toBe(400);
    expect((await call("", "bad")).status).toBe(404);
    expect((await call("", "ok")).status).toBe(401);
    viewer.value = ana;
    expect(await (await call("", "ok")).json()).toEqual({ tag: "ok" });
  });
});

describe("apiRoute's Cache-Control", () => {
  it("can mark the answers and the failures of a route no-store", async () => {
    const route = apiRoute(
      { label: "test", viewer: "required", cache: { success: "no-store", failure: "no-store" } },
      async () => ({ fine: true }),
    );
    const refused = await route(new Request("http://app.test/api/x", { method: "POST" }));
    expect(refused.status).toBe(401);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    viewer.value = ana;
    const answered = await route(new Request("http://app.test/api/x", { method: "POST" }));
    expect(answered.headers.get("cache-control")).toBe("no-store");
  });
});
